package org.aigaq.platform.web;

import org.aigaq.platform.InvalidInput;
import org.aigaq.platform.NoSuchRecord;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** Sends pages whose record is missing, or whose address is malformed, to the error page with the right status. */
@ControllerAdvice(annotations = Controller.class)
class PageErrors {

    @ExceptionHandler(NoSuchRecord.class)
    void notFound(HttpServletResponse response) throws IOException {
        response.sendError(HttpServletResponse.SC_NOT_FOUND);
    }

    @ExceptionHandler({MethodArgumentTypeMismatchException.class, InvalidInput.class})
    void badRequest(HttpServletResponse response) throws IOException {
        response.sendError(HttpServletResponse.SC_BAD_REQUEST);
    }
}

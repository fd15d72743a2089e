package org.aigaq.platform.web;

import org.aigaq.platform.security.SignedIn;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The first page after signing in. */
@Controller
class HomeController {

    @SignedIn
    @GetMapping("/")
    String home() {
        return "home";
    }
}

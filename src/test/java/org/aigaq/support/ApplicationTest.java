package org.aigaq.support;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;

/**
 * The real application on a real (embedded, throw-away) PostgreSQL, shared by every test class that extends this one.
 * Lockout is set high so that tests of other things never lock an account by accident; the lockout test sets its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "aigaq.home=target/test-home/${random.uuid}",
        "aigaq.admin.user=admin",
        "aigaq.admin.password=first-admin-password",
        "logging.file.name=",
})
@AutoConfigureMockMvc
@Import(TestAccounts.class)
public abstract class ApplicationTest {
}

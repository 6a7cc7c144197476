package io.timeledger.api.common;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** {@code /openapi/<dialect>.json}: each dialect's document under the name a client expects of a file. */
@Controller
class OpenApiDocuments {

    @GetMapping("/openapi/{dialect:minutedock|harvest|paydirt|expensicat}.json")
    String document(@PathVariable String dialect) {
        return "forward:/openapi/" + dialect;
    }
}

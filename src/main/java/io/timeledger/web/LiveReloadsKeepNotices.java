package io.timeledger.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.FlashMapManager;
import org.springframework.web.servlet.support.SessionFlashMapManager;

/**
 * A page's notice ("Deleted. Undo") travels to the page its form redirects to as a flash
 * attribute, taken by the first request for that page. A live reload (htmx, {@code HX-Request})
 * of the same page in another tab of the session — or in this one, as its own change is announced
 * while the redirect is under way — would take it first, and the notice would never show. Those
 * requests take no flash attributes.
 */
@Configuration(proxyBeanMethods = false)
class LiveReloadsKeepNotices {

    @Bean(name = DispatcherServlet.FLASH_MAP_MANAGER_BEAN_NAME)
    FlashMapManager flashMapManager() {
        return new SessionFlashMapManager() {
            @Override
            protected List<FlashMap> retrieveFlashMaps(HttpServletRequest request) {
                return request.getHeader("HX-Request") != null ? null : super.retrieveFlashMaps(request);
            }
        };
    }
}

package io.timeledger.api.harvest;

import io.timeledger.api.common.Params;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Harvest's page pagination: which slice a request asks for, and the envelope around it. */
record HarvestPage(int page, int perPage) {

    static final int MAX_PER_PAGE = 2000;

    static HarvestPage of(HttpServletRequest request) {
        return new HarvestPage(
            Params.integer("page", request.getParameter("page"), 1, Integer.MAX_VALUE, 1),
            Params.integer("per_page", request.getParameter("per_page"), 1, MAX_PER_PAGE, MAX_PER_PAGE));
    }

    int offset() {
        return (int) Math.min(Integer.MAX_VALUE, (long) (page - 1) * perPage);
    }

    /**
     * {@code {"<key>": [...], "per_page", "total_pages", "total_entries", "next_page",
     * "previous_page", "page", "links": {...}}}, the collection first, links absolute and built
     * from the request's own address and filters.
     */
    Map<String, Object> envelope(String key, List<?> items, long total, HttpServletRequest request) {
        int totalPages = (int) Math.max(1, (total + perPage - 1) / perPage);
        var body = new LinkedHashMap<String, Object>();
        body.put(key, items);
        body.put("per_page", perPage);
        body.put("total_pages", totalPages);
        body.put("total_entries", total);
        body.put("next_page", page < totalPages ? page + 1 : null);
        body.put("previous_page", page > 1 ? page - 1 : null);
        body.put("page", page);
        var links = new LinkedHashMap<String, String>();
        links.put("first", link(request, 1));
        links.put("next", page < totalPages ? link(request, page + 1) : null);
        links.put("previous", page > 1 ? link(request, page - 1) : null);
        links.put("last", link(request, totalPages));
        body.put("links", links);
        return body;
    }

    private String link(HttpServletRequest request, int target) {
        var builder = ServletUriComponentsBuilder.fromRequestUri(request)
            .queryParam("page", target)
            .queryParam("per_page", perPage);
        request.getParameterMap().forEach((name, values) -> {
            if (!name.equals("page") && !name.equals("per_page") && !name.equals("access_token")) {
                builder.queryParam(name, (Object[]) values);
            }
        });
        return builder.build().encode().toUriString();
    }
}

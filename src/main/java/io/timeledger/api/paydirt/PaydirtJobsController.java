package io.timeledger.api.paydirt;

import io.timeledger.api.common.Accepts;
import io.timeledger.api.common.JsonFields;
import io.timeledger.api.common.Params;
import io.timeledger.api.common.RequestBodies;
import io.timeledger.core.account.Actor;
import io.timeledger.core.catalog.Job;
import io.timeledger.core.catalog.JobChanges;
import io.timeledger.core.catalog.Jobs;
import io.timeledger.core.catalog.PriceType;
import jakarta.servlet.http.HttpServletRequest;
import java.math.BigDecimal;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Paydirt's jobs: list, fetch, create, update, delete (answering the removed job). */
@RestController
@RequestMapping({"/v1/jobs", "/api/v1/jobs"})
class PaydirtJobsController {

    private final Jobs jobs;
    private final RequestBodies bodies;

    PaydirtJobsController(Jobs jobs, RequestBodies bodies) {
        this.jobs = jobs;
        this.bodies = bodies;
    }

    @GetMapping
    PdJobs list(Actor actor, HttpServletRequest request) {
        var projectId = Params.id("project_id", request.getParameter("project_id"));
        return new PdJobs(jobs.list(actor.account(), projectId).stream().map(PdJob::from).toList());
    }

    @GetMapping("/{id}")
    PdJobBody fetch(Actor actor, @PathVariable long id) {
        return new PdJobBody(PdJob.from(jobs.get(actor.account(), id)));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Accepts(PdJobFields.class)
    PdJobBody create(Actor actor, HttpServletRequest request) {
        var fields = JsonFields.of(bodies.read(request), "job");
        var changes = changes(fields);
        fields.validate();
        return new PdJobBody(PdJob.from(jobs.create(actor, changes)));
    }

    @RequestMapping(path = "/{id}", method = {RequestMethod.PUT, RequestMethod.PATCH})
    @Accepts(PdJobFields.class)
    PdJobBody update(Actor actor, @PathVariable long id, HttpServletRequest request) {
        var fields = JsonFields.of(bodies.read(request), "job");
        var changes = changes(fields);
        fields.validate();
        return new PdJobBody(PdJob.from(jobs.update(actor, id, changes)));
    }

    @DeleteMapping("/{id}")
    PdJobBody delete(Actor actor, @PathVariable long id) {
        return new PdJobBody(PdJob.from(jobs.delete(actor, id)));
    }

    private static JobChanges changes(JsonFields fields) {
        var priceType = fields.integer("price_type").map(code -> {
            if (code == null) {
                return null;
            }
            var type = code >= 0 && code <= 2 ? PriceType.of(code.intValue()) : null;
            if (type == null) {
                fields.reject("price_type", "must be 0 (per hour), 1 (fixed price) or 2 (per user)");
            }
            return type;
        });
        return new JobChanges(fields.id("project_id"), fields.string("name"), priceType, fields.number("price"),
            fields.integer("estimate"), fields.bool("completed"));
    }

    /** Paydirt's job: ids as numbers, money as "85.0", the estimate in seconds. */
    /** What a job is made or changed with, flat as Paydirt's document lists it (or under {@code job}). */
    record PdJobFields(Long projectId, String name, Integer priceType, BigDecimal price, Integer estimate,
                       Boolean completed) { }

    /** {@code {"jobs": […]}} */
    record PdJobs(List<PdJob> jobs) { }

    /** {@code {"job": {…}}} */
    record PdJobBody(PdJob job) { }

    record PdJob(long id, long clientId, Long projectId, String name, String price, int priceType,
                 String unbilledFixedValue, Long estimate, boolean completed) {
        static PdJob from(Job job) {
            return new PdJob(job.id(), job.contactId(), job.projectId(), job.name(), Paydirt.decimal(job.price()),
                job.priceType().code(), Paydirt.decimal(job.unbilledFixedValue()), job.estimateSeconds(),
                job.completed());
        }
    }
}

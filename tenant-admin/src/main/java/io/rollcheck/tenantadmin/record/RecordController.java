package io.rollcheck.tenantadmin.record;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.rollcheck.platform.audit.AuditLog;
import io.rollcheck.platform.security.Access;
import io.rollcheck.platform.security.ApiAuth;
import io.rollcheck.platform.security.Principal;
import io.rollcheck.platform.security.Roles;
import io.rollcheck.platform.tenancy.Tenant;
import io.rollcheck.platform.validation.NotFound;
import io.rollcheck.platform.validation.ValidationFailed;
import io.rollcheck.platform.web.ApiDoc;
import io.rollcheck.platform.web.Edge;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Student records through the API, scoped by {@link Access} and masked by role. Revealing a value in
 * clear is its own call, allowed to the registrar, college staff and the student, and audited.
 */
@Controller("/api")
@ExecuteOn(TaskExecutors.BLOCKING)
public class RecordController {

    @Serdeable
    public record RevealRequest(String field) {
    }

    private static final Set<String> FIELDS = Set.of("idNumber", "birthDate", "phone");

    private final Students students;
    private final Access access;
    private final AuditLog audit;

    public RecordController(Students students, Access access, AuditLog audit) {
        this.students = students;
        this.access = access;
        this.audit = audit;
    }

    /** One student's record, masked by role. */
    @ApiDoc.Staff @ApiDoc.Missing
    @Get("/admin/students/{id}")
    @Secured({Roles.TENANT_ADMIN, Roles.COLLEGE_STAFF, Roles.COUNSELOR, Roles.CLASS_MONITOR})
    public StudentView student(HttpRequest<?> request, long id, Authentication who) {
        Tenant t = Edge.tenant(request);
        Principal p = ApiAuth.principal(who);
        access.requireStudent(t.context(), p, id);
        return students.readFor(t.context(), id, access.seesWide(p, id)).orElseThrow(() -> new NotFound("student"));
    }

    /** Searches students by class or text, within the caller's scope, masked. */
    @ApiDoc.Staff @ApiDoc.Missing
    @Get("/admin/students{?classId,q,limit,offset}")
    @Secured({Roles.TENANT_ADMIN, Roles.COLLEGE_STAFF, Roles.COUNSELOR, Roles.CLASS_MONITOR})
    public List<StudentView> search(HttpRequest<?> request, @io.micronaut.core.annotation.Nullable @io.micronaut.http.annotation.QueryValue Long classId,
                                    @io.micronaut.core.annotation.Nullable @io.micronaut.http.annotation.QueryValue String q,
                                    @io.micronaut.core.annotation.Nullable @io.micronaut.http.annotation.QueryValue Integer limit,
                                    @io.micronaut.core.annotation.Nullable @io.micronaut.http.annotation.QueryValue Integer offset,
                                    Authentication who) {
        Tenant t = Edge.tenant(request);
        Principal p = ApiAuth.principal(who);
        boolean admin = p.has(Roles.TENANT_ADMIN);
        if (classId != null && !admin) {
            access.requireClass(t.context(), p, classId);
        }
        return students.search(t.context(), p.userId(), admin, admin || p.has(Roles.COLLEGE_STAFF), classId, q,
                limit == null ? 50 : limit, offset == null ? 0 : offset);
    }

    /** Reveals one field of a student in clear; audited. */
    @ApiDoc.CollegeStaff @ApiDoc.Missing @ApiDoc.Invalid
    @Post("/admin/students/{id}/reveal")
    @Secured({Roles.TENANT_ADMIN, Roles.COLLEGE_STAFF})
    public Map<String, String> reveal(HttpRequest<?> request, long id, @Body RevealRequest body, Authentication who) {
        Tenant t = Edge.tenant(request);
        Principal p = ApiAuth.principal(who);
        if (body.field() == null || !FIELDS.contains(body.field())) {
            throw ValidationFailed.of("field", "reveal.field");
        }
        access.requireStudent(t.context(), p, id);
        if (!access.mayReveal(p, id)) {
            throw new NotFound("student");
        }
        StudentView clear = students.read(t.context(), id, true).orElseThrow(() -> new NotFound("student"));
        audit.tenant(t.context(), p.username(), "pii.revealed", "student:" + id, "field=" + body.field(), Edge.ip(request));
        String value = switch (body.field()) {
            case "idNumber" -> clear.idNumber();
            case "birthDate" -> clear.birthDate();
            default -> clear.phone();
        };
        return Map.of("field", body.field(), "value", value == null ? "" : value);
    }

    /** The students of a class, within the caller's scope, masked. */
    @ApiDoc.Staff @ApiDoc.Missing
    @Get("/classes/{id}/students")
    @Secured({Roles.TENANT_ADMIN, Roles.COLLEGE_STAFF, Roles.COUNSELOR, Roles.CLASS_MONITOR})
    public List<StudentView> classStudents(HttpRequest<?> request, long id, Authentication who) {
        Tenant t = Edge.tenant(request);
        Principal p = ApiAuth.principal(who);
        access.requireClass(t.context(), p, id);
        return students.classList(t.context(), id, p.has(Roles.TENANT_ADMIN) || p.has(Roles.COLLEGE_STAFF));
    }

    /** The signed-in user: name, roles, university, and a student's own record. */
    @ApiDoc.Member @ApiDoc.Missing
    @Get("/me")
    @Secured({Roles.TENANT_ADMIN, Roles.COLLEGE_STAFF, Roles.COUNSELOR, Roles.CLASS_MONITOR, Roles.STUDENT})
    public Map<String, Object> me(HttpRequest<?> request, Authentication who) {
        Tenant t = Edge.tenant(request);
        Principal p = ApiAuth.principal(who);
        Map<String, Object> out = new java.util.LinkedHashMap<>();
        out.put("username", p.username());
        out.put("roles", p.roles());
        out.put("tenant", t.slug());
        if (p.studentId() != null) {
            students.readFor(t.context(), p.studentId(), true).ifPresent(v -> out.put("record", v));
        }
        return out;
    }
}

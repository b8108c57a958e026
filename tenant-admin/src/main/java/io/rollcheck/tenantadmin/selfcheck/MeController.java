package io.rollcheck.tenantadmin.selfcheck;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Part;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.rollcheck.platform.audit.AuditLog;
import io.rollcheck.tenantadmin.record.StudentView;
import io.rollcheck.tenantadmin.record.Students;
import io.rollcheck.platform.security.ApiAuth;
import io.rollcheck.platform.security.Principal;
import io.rollcheck.platform.security.Roles;
import io.rollcheck.platform.security.SignIn;
import io.rollcheck.platform.tenancy.PublicUrls;
import io.rollcheck.platform.tenancy.Tenant;
import io.rollcheck.platform.tenancy.TenantContext;
import io.rollcheck.platform.validation.NotFound;
import io.rollcheck.platform.validation.ValidationFailed;
import io.rollcheck.platform.web.ApiDoc;
import io.rollcheck.platform.web.Edge;
import io.rollcheck.platform.web.Problem;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The student's self-check through the API (a mobile app or a WeChat mini-program does what the
 * portal does): his campaign and state, one answer per field, error reports with evidence, the
 * signature with re-authentication, the receipt, messages, and revealing his own ID number.
 */
@Controller("/api/me")
@Secured(Roles.STUDENT)
public class MeController {

    /** The signature request: the password again (and a TOTP code if enabled); the hash the student saw. */
    @Serdeable
    public record SignRequest(@Nullable String password, @Nullable String totp, @Nullable String contentSha256) {
    }

    @Serdeable
    public record RevealRequest(@Nullable String password, @Nullable String totp) {
    }


    private final SelfCheck check;
    private final ErrorReports reports;
    private final Signatures signatures;
    private final SignIn signIn;
    private final Students students;
    private final AuditLog audit;
    private final PublicUrls urls;

    public MeController(SelfCheck check, ErrorReports reports, Signatures signatures, SignIn signIn, Students students,
                        AuditLog audit, PublicUrls urls) {
        this.check = check;
        this.reports = reports;
        this.signatures = signatures;
        this.signIn = signIn;
        this.students = students;
        this.audit = audit;
        this.urls = urls;
    }

    /**
     * The hot path of deadline day. Answered on the event loop when this node holds the student's
     * state in memory; otherwise loaded on a worker thread. Every other handler here blocks.
     */
    @ApiDoc.Student @ApiDoc.Missing
    @Get("/campaign")
    public Mono<CheckState> campaign(HttpRequest<?> request, Authentication who) {
        TenantContext t = Edge.tenant(request).context();
        long student = student(who);
        return check.stateIfHeld(t, student).map(Mono::just)
                .orElseGet(() -> Mono.fromCallable(() -> check.state(t, student)).subscribeOn(Schedulers.boundedElastic()));
    }

    /** Answers one field of the student's check. */
    @ApiDoc.Student @ApiDoc.Missing @ApiDoc.Invalid
    @ExecuteOn(TaskExecutors.BLOCKING)
    @ApiResponse(responseCode = "409", description = "`campaign.notOpen`, `campaign.deadlinePassed`, `check.alreadySigned`",
            content = @Content(mediaType = ApiDoc.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    @Put("/checks/{fieldKey}")
    public CheckState answer(HttpRequest<?> request, String fieldKey, @Body SelfCheck.Answer body, Authentication who) {
        return check.answer(Edge.tenant(request).context(), who.getName(), student(who), fieldKey, body, Edge.ip(request));
    }

    /** The student's error reports. */
    @ApiDoc.Student @ApiDoc.Missing
    @ExecuteOn(TaskExecutors.BLOCKING)
    @Get("/error-reports")
    public List<CheckState.Report> reports(HttpRequest<?> request, Authentication who) {
        return check.state(Edge.tenant(request).context(), student(who)).reports();
    }

    /** Multipart: {@code kind} (FIELD or ACCOUNT), {@code field}, {@code shown}, {@code correct}, {@code reason}, files {@code file}, {@code file2}, {@code file3}. */
    @ApiDoc.Student @ApiDoc.Missing @ApiDoc.Invalid
    @ExecuteOn(TaskExecutors.BLOCKING)
    @Post(value = "/error-reports", consumes = MediaType.MULTIPART_FORM_DATA)
    public HttpResponse<CheckState.Report> report(HttpRequest<?> request, @Nullable @Part("kind") String kind,
                                                  @Nullable @Part("field") String field,
                                                  @Nullable @Part("shown") String shown,
                                                  @Nullable @Part("correct") String correct,
                                                  @Nullable @Part("reason") String reason,
                                                  @Nullable @Part("file") CompletedFileUpload file,
                                                  @Nullable @Part("file2") CompletedFileUpload file2,
                                                  @Nullable @Part("file3") CompletedFileUpload file3,
                                                  Authentication who) throws IOException {
        List<EvidenceFiles.Clean> files = new ArrayList<>();
        for (CompletedFileUpload f : new CompletedFileUpload[]{file, file2, file3}) {
            if (f != null) {
                if (f.getSize() > EvidenceFiles.MAX_BYTES) {
                    throw ValidationFailed.of("file", "evidence.tooLarge");
                }
                files.add(EvidenceFiles.clean(f.getFilename(), f.getBytes()));
            }
        }
        Tenant t = Edge.tenant(request);
        CheckState.Report r = reports.submit(t.context(), who.getName(), student(who),
                new ErrorReports.Input(kind == null ? "FIELD" : kind, field, shown, correct, reason), files, Edge.ip(request));
        return HttpResponse.created(r);
    }

    /** Downloads one evidence file of the student's reports. */
    @ApiDoc.Student @ApiDoc.Missing
    @ExecuteOn(TaskExecutors.BLOCKING)
    @Get("/evidence/{id}")
    public HttpResponse<byte[]> evidence(HttpRequest<?> request, long id, Authentication who) {
        EvidenceFiles.Clean f = reports.evidence(Edge.tenant(request).context(), student(who), id)
                .orElseThrow(() -> new NotFound("evidence"));
        return HttpResponse.ok(f.bytes()).contentType(f.contentType())
                .header("Content-Disposition", "attachment; filename*=UTF-8''" + encode(f.fileName()))
                .header("Cache-Control", "no-store");
    }

    /** What signing now would sign (masked for display) and its hash. */
    @ApiDoc.Student @ApiDoc.Missing
    @ExecuteOn(TaskExecutors.BLOCKING)
    @Get("/signature")
    public Signatures.Preview preview(HttpRequest<?> request, Authentication who) {
        Tenant t = Edge.tenant(request);
        return signatures.preview(t.context(), t.slug(), student(who));
    }

    /** Signs the check after re-entering the password; returns the receipt. */
    @ApiDoc.Student @ApiDoc.Missing @ApiDoc.Invalid
    @ExecuteOn(TaskExecutors.BLOCKING)
    @ApiResponse(responseCode = "409", description = "`signature.incomplete`, `signature.contentChanged`, `campaign.notOpen`, `campaign.deadlinePassed`",
            content = @Content(mediaType = ApiDoc.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    @Post("/signature")
    public Signatures.Receipt sign(HttpRequest<?> request, @Body SignRequest body, Authentication who) {
        Tenant t = Edge.tenant(request);
        String method = reauthenticate(request, t, who, body.password(), body.totp());
        return signatures.sign(t.context(), t.slug(), who.getName(), student(who), method, body.contentSha256(),
                Edge.ip(request), request.getHeaders().get(HttpHeaders.USER_AGENT));
    }

    /** The latest receipt: a PDF, or JSON when the client asks for {@code application/json}. */
    @ApiDoc.Student @ApiDoc.Missing
    @ExecuteOn(TaskExecutors.BLOCKING)
    @Get(value = "/receipt", produces = {"application/pdf", MediaType.APPLICATION_JSON})
    public HttpResponse<?> receipt(HttpRequest<?> request, Authentication who) {
        Tenant t = Edge.tenant(request);
        Signatures.Receipt r = signatures.latestReceipt(t.context(), student(who)).orElseThrow(() -> new NotFound("receipt"));
        boolean json = request.getHeaders().accept().stream().anyMatch(m -> MediaType.APPLICATION_JSON.equals(m.getName()));
        if (json) {
            return HttpResponse.ok(r);
        }
        byte[] pdf = ReceiptPdf.render(r, t.name(Edge.locale(request)), verifyUrl(t, r.code()), t.zone(),
                Edge.locale(request));
        return HttpResponse.ok(pdf).contentType("application/pdf")
                .header("Content-Disposition", "attachment; filename=\"receipt-" + r.code() + ".pdf\"")
                .header("Cache-Control", "no-store");
    }

    /** The student's messages. */
    @ApiDoc.Student @ApiDoc.Missing
    @ExecuteOn(TaskExecutors.BLOCKING)
    @Get("/messages")
    public List<ErrorReports.Message> messages(HttpRequest<?> request, Authentication who) {
        return reports.messages(Edge.tenant(request).context(), student(who), true);
    }

    /** The student's own ID number in clear, after his password again; audited. */
    @ApiDoc.Student @ApiDoc.Missing @ApiDoc.Invalid
    @ExecuteOn(TaskExecutors.BLOCKING)
    @Post("/reveal")
    public Map<String, String> reveal(HttpRequest<?> request, @Body RevealRequest body, Authentication who) {
        Tenant t = Edge.tenant(request);
        reauthenticate(request, t, who, body.password(), body.totp());
        long id = student(who);
        StudentView clear = students.read(t.context(), id, true).orElseThrow(() -> new NotFound("student"));
        audit.tenant(t.context(), who.getName(), "pii.revealed", "student:" + id, "field=idNumber by=self", Edge.ip(request));
        return Map.of("field", "idNumber", "value", clear.idNumber() == null ? "" : clear.idNumber());
    }

    private String reauthenticate(HttpRequest<?> request, Tenant t, Authentication who, String password, String totp) {
        if (password == null || password.isEmpty()) {
            if (!signIn.hasPassword(t.context(), who.getName()) && freshToken(who)) {
                return "SSO";
            }
            throw ValidationFailed.of("password", "reauth.password.required");
        }
        signIn.requireReauthentication(t.context(), who.getName(), password, totp, Edge.ip(request));
        return "PASSWORD";
    }

    private static boolean freshToken(Authentication who) {
        Object iat = who.getAttributes().get("iat");
        long issued;
        if (iat instanceof java.util.Date d) {
            issued = d.toInstant().getEpochSecond();
        } else if (iat instanceof Number n) {
            issued = n.longValue();
        } else {
            return false;
        }
        return Instant.now().getEpochSecond() - issued < SignIn.SSO_FRESH_SECONDS;
    }

    private static long student(Authentication who) {
        Principal p = ApiAuth.principal(who);
        if (p.studentId() == null) {
            throw new NotFound("student");
        }
        return p.studentId();
    }

    private String verifyUrl(Tenant t, String code) {
        return urls.portal(t.slug()) + "/verify/" + code;
    }


    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}

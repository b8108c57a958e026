package io.rollcheck.webui.admin.campaign;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import io.micronaut.context.annotation.Prototype;
import io.rollcheck.tenantadmin.campaign.CampaignContent;
import io.rollcheck.platform.security.Roles;
import io.rollcheck.platform.validation.NotFound;
import io.rollcheck.platform.validation.ValidationFailed;
import io.rollcheck.tenantadmin.campaign.CampaignAuthoring;
import io.rollcheck.tenantadmin.org.Organisation;
import io.rollcheck.webui.admin.AdminNav;
import io.rollcheck.webui.admin.AdminPage;
import io.rollcheck.webui.site.SignOut;
import io.rollcheck.webui.site.SiteRoute;
import jakarta.annotation.security.RolesAllowed;

import java.util.Objects;

/**
 * {@code /admin/campaigns/{id}}: the campaign editor. Every part of the content has its tab (notice,
 * checklist, offices, deadlines, audience, sign-off workflow, guide, FAQ). "Save" keeps the draft;
 * "Preview" shows it as a student would see it once published; "Publish" saves, then publishes a new
 * immutable version or lists every reason it cannot.
 */
@Prototype
@Route(value = "admin/campaigns/:id([0-9]{1,18})", registerAtStartup = false)
@SiteRoute(SiteRoute.Kind.TENANT)
@RolesAllowed(Roles.TENANT_ADMIN)
class CampaignEditorView extends AdminPage implements BeforeEnterObserver {

    private final CampaignAuthoring authoring;
    private final Organisation org;
    private final H2 title = new H2();
    private final Span status = new Span();
    private final EditorMessages messages = new EditorMessages();
    private final Div editor = new Div();
    private CampaignAuthoring.Draft draft;
    private EditorContext ctx;
    private NoticeTab notice;
    private ChecklistTab checklist;
    private OfficesTab offices;
    private DeadlinesTab deadlines;
    private AudienceTab audience;
    private WorkflowTab workflow;
    private GuideTab guide;
    private FaqTab faq;

    CampaignEditorView(CampaignAuthoring authoring, Organisation org, SignOut signOut) {
        super(signOut, AdminNav.Item.CAMPAIGNS, "admin.editor.title");
        this.authoring = authoring;
        this.org = org;
        content(editor);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        long id = event.getRouteParameters().getLong("id").orElseThrow(NotFoundException::new);
        try {
            draft = authoring.get(tenant.context(), id);
        } catch (NotFound gone) {
            throw new NotFoundException();
        }
        ctx = new EditorContext(authoring, tenant.context(), user.username(), id, tenant.timeZone(),
                org.classes(tenant.context(), null).stream().map(Organisation.SchoolClass::level).filter(Objects::nonNull)
                        .distinct().toList());
        build(draft.content());
    }

    private void build(CampaignContent c) {
        title.setId("editor-title");
        title.setText(draft.name());
        status.setId("editor-status");
        showStatus();
        Button save = button("admin.editor.save", "editor-save", VaadinIcon.CHECK, this::save);
        Button preview = button("admin.editor.preview", "editor-preview", VaadinIcon.EYE, this::preview);
        Button publish = button("admin.editor.publish", "editor-publish", VaadinIcon.UPLOAD_ALT, this::publish);
        publish.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button template = button("admin.editor.saveTemplate", "editor-save-template", VaadinIcon.COPY_O, this::saveTemplate);
        template.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        Div actions = new Div(save, preview, publish, template);
        actions.addClassName("rc-editor-actions");
        Div head = new Div(new Div(title, status), actions);
        head.addClassNames("rc-card", "rc-editor-head");

        notice = new NoticeTab(ctx, c.notice(), authoring.attachments(tenant.context(), draft.id()));
        checklist = new ChecklistTab(c.checklist());
        offices = new OfficesTab(c.offices());
        deadlines = new DeadlinesTab(c.deadlines(), tenant.timeZone());
        audience = new AudienceTab(c.audience(), ctx.classLevels());
        workflow = new WorkflowTab(c.workflow());
        guide = new GuideTab(c.guide());
        faq = new FaqTab(c.faq());
        TabSheet tabs = new TabSheet();
        tabs.setId("editor-tabs");
        tabs.addClassName("rc-tabs");
        tab(tabs, "notice", notice);
        tab(tabs, "checklist", checklist);
        tab(tabs, "offices", offices);
        tab(tabs, "deadlines", deadlines);
        tab(tabs, "audience", audience);
        tab(tabs, "workflow", workflow);
        tab(tabs, "guide", guide);
        tab(tabs, "faq", faq);
        tabs.setWidthFull();
        messages.clear();
        // the router keeps this view when only the id changes (back and forth between two campaigns)
        editor.removeAll();
        editor.add(head, messages, tabs);
    }

    private void tab(TabSheet tabs, String key, com.vaadin.flow.component.Component content) {
        tabs.add(getTranslation("admin.editor.tab." + key), content).setId("editor-tab-" + key);
    }

    private Button button(String key, String id, VaadinIcon icon, Runnable action) {
        Button b = new Button(getTranslation(key), icon.create(), e -> action.run());
        b.setId(id);
        return b;
    }

    private CampaignContent content() {
        return new CampaignContent(notice.value(), checklist.value(), offices.value(), deadlines.value(), audience.value(),
                workflow.value(), guide.value(), faq.value());
    }

    /** Saves the draft; false (with the reasons shown) when it cannot be saved. */
    private boolean saveQuietly() {
        try {
            authoring.saveDraft(tenant.context(), user.username(), draft.id(), content());
            offices.mark(java.util.List.of());
            draft = authoring.get(tenant.context(), draft.id());
            showStatus();
            return true;
        } catch (ValidationFailed failed) {
            messages.refused("admin.editor.saveRefused", failed);
            offices.mark(failed.errors());
            return false;
        }
    }

    private void save() {
        if (saveQuietly()) {
            messages.ok(getTranslation("admin.editor.saved"));
        }
    }

    private void preview() {
        if (saveQuietly()) {
            messages.clear();
            new PreviewDialog(authoring.preview(tenant.context(), draft.id()), authoring.attachments(tenant.context(), draft.id()),
                    tenant.timeZone()).open();
        }
    }

    private void publish() {
        if (!saveQuietly()) {
            return;
        }
        try {
            int version = authoring.publish(tenant.context(), user.username(), draft.id());
            draft = authoring.get(tenant.context(), draft.id());
            showStatus();
            messages.ok(getTranslation("admin.editor.published", version));
        } catch (ValidationFailed failed) {
            messages.refused("admin.editor.publishRefused", failed);
        }
    }

    private void saveTemplate() {
        new TemplateDialog(name -> {
            if (saveQuietly()) {
                authoring.saveAsTemplate(tenant.context(), user.username(), draft.id(), name);
                messages.ok(getTranslation("admin.editor.templateSaved", name.strip()));
            }
        }).open();
    }

    private void showStatus() {
        status.setText(draft.publishedVersion() > 0
                ? getTranslation("admin.campaigns.status.published", draft.publishedVersion())
                : getTranslation("admin.campaigns.status.DRAFT"));
        status.setClassName("rc-badge");
        status.addClassName(draft.publishedVersion() > 0 ? "rc-badge-success" : "rc-badge-draft");
    }

    @Override
    public String getPageTitle() {
        return (draft == null ? getTranslation("admin.editor.title") : draft.name()) + " · " + tenant.name(getLocale());
    }
}

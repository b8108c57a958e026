package io.rollcheck.webui.admin.campaign;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Route;
import io.micronaut.context.annotation.Prototype;
import io.rollcheck.platform.i18n.Messages;
import io.rollcheck.platform.security.Roles;
import io.rollcheck.platform.validation.ValidationFailed;
import io.rollcheck.tenantadmin.campaign.CampaignAuthoring;
import io.rollcheck.webui.admin.AdminNav;
import io.rollcheck.webui.admin.AdminPage;
import io.rollcheck.webui.admin.CompactGrid;
import io.rollcheck.webui.admin.FieldErrors;
import io.rollcheck.webui.site.Dates;
import io.rollcheck.webui.site.SignOut;
import io.rollcheck.webui.site.SiteRoute;
import jakarta.annotation.security.RolesAllowed;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * {@code /admin/campaigns}: the university's campaigns (draft or published, with their version) and
 * a form to start a new one from the built-in template in Chinese or English, or from one of the
 * university's own saved templates.
 */
@Prototype
@Route(value = "admin/campaigns", registerAtStartup = false)
@SiteRoute(SiteRoute.Kind.TENANT)
@RolesAllowed(Roles.TENANT_ADMIN)
class CampaignsView extends AdminPage {

    private static final String ZH = "zh";
    private static final String EN = "en";
    private static final String OWN = "own";

    private final CampaignAuthoring authoring;
    private final TextField name = new TextField();
    private final IntegerField cohort = new IntegerField();
    private final Select<String> template = new Select<>();
    private final TextField ownTemplate = new TextField();
    private final Paragraph message = new Paragraph();

    CampaignsView(CampaignAuthoring authoring, SignOut signOut) {
        super(signOut, AdminNav.Item.CAMPAIGNS, "admin.campaigns.title");
        this.authoring = authoring;
        Grid<CampaignAuthoring.Summary> grid = new Grid<>();
        grid.setId("campaign-grid");
        grid.addClassName("rc-grid");
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_ROW_STRIPES);
        grid.setAllRowsVisible(true);
        grid.setEmptyStateText(getTranslation("admin.campaigns.empty"));
        grid.addComponentColumn(this::link).setHeader(getTranslation("admin.campaigns.col.name")).setFlexGrow(3);
        grid.addComponentColumn(this::status).setHeader(getTranslation("admin.campaigns.col.status")).setWidth("9rem").setFlexGrow(0);
        grid.addColumn(s -> Dates.date(s.updatedAt(), tenant.timeZone(), getLocale()))
                .setHeader(getTranslation("admin.campaigns.col.updated")).setWidth("10rem").setFlexGrow(0);
        CompactGrid.cards(grid, getTranslation("admin.campaigns.col.name"), s -> {
            com.vaadin.flow.component.html.Div card = new com.vaadin.flow.component.html.Div(link(s), status(s));
            card.addClassNames("rc-grid-card", "rc-campaign-card");
            return card;
        });
        grid.setItems(authoring.list(tenant.context()));
        content(heading("campaigns-title"), grid, newForm());
    }

    private Div newForm() {
        name.setLabel(getTranslation("admin.campaigns.new.name"));
        name.setId("campaign-new-name");
        name.setMaxLength(200);
        name.setPlaceholder(getTranslation("admin.campaigns.new.namePlaceholder", LocalDate.now(Dates.zone(tenant.timeZone())).getYear()));
        cohort.setLabel(getTranslation("admin.campaigns.new.cohort"));
        cohort.setId("campaign-new-cohort");
        cohort.setValue(LocalDate.now(Dates.zone(tenant.timeZone())).getYear());
        cohort.setMin(1990);
        cohort.setMax(2100);
        template.setLabel(getTranslation("admin.campaigns.new.template"));
        template.setId("campaign-new-template");
        template.setItems(ZH, EN, OWN);
        template.setItemLabelGenerator(t -> getTranslation("admin.campaigns.new.template." + t));
        template.setValue("en".equals(getLocale().getLanguage()) ? EN : ZH);
        ownTemplate.setLabel(getTranslation("admin.campaigns.new.ownTemplate"));
        ownTemplate.setId("campaign-new-own-template");
        ownTemplate.setVisible(false);
        template.addValueChangeListener(e -> ownTemplate.setVisible(OWN.equals(e.getValue())));
        FormLayout form = new FormLayout(name, cohort, template, ownTemplate);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("600px", 2));
        Button create = new Button(getTranslation("admin.campaigns.new.create"), e -> create());
        create.setId("campaign-new-create");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        message.addClassName("rc-error");
        message.setVisible(false);
        H3 title = new H3(getTranslation("admin.campaigns.new.title"));
        title.addClassName("rc-card-title");
        Div card = new Div(title, form, create, message);
        card.addClassNames("rc-card", "rc-form-card");
        card.setId("campaign-new");
        return card;
    }

    private void create() {
        String t = template.getValue();
        try {
            long id = authoring.create(tenant.context(), user.username(), name.getValue(), cohort.getValue(),
                    EN.equals(t) ? Messages.EN : Messages.ZH, OWN.equals(t) ? ownTemplate.getValue().strip() : null);
            getUI().ifPresent(ui -> ui.navigate("admin/campaigns/" + id));
        } catch (ValidationFailed failed) {
            List<String> rest = FieldErrors.show(this, failed, Map.of("name", name, "template", ownTemplate));
            message.setText(String.join(" ", rest));
            message.setVisible(!rest.isEmpty());
        }
    }

    private Anchor link(CampaignAuthoring.Summary s) {
        Anchor a = new Anchor("/admin/campaigns/" + s.id(), s.name());
        a.setId("campaign-link-" + s.id());
        return a;
    }

    private Span status(CampaignAuthoring.Summary s) {
        Span b = new Span(s.publishedVersion() > 0
                ? getTranslation("admin.campaigns.status.published", s.publishedVersion())
                : getTranslation("admin.campaigns.status.DRAFT"));
        b.addClassNames("rc-badge", s.publishedVersion() > 0 ? "rc-badge-success" : "rc-badge-draft");
        return b;
    }
}

package io.rollcheck.webui.site;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.CssImport;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Header;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.server.VaadinSession;
import io.rollcheck.platform.i18n.Messages;
import io.rollcheck.platform.security.Roles;
import io.rollcheck.platform.tenancy.Tenant;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The frame of every page: a header bar (site name, language switch, optional actions) over a
 * centred content column that fits a 360 px phone.
 */
@CssImport("./styles/rollcheck.css")
@CssImport("./styles/student.css")
public abstract class PageShell extends Div implements HasDynamicTitle {

    private static final Pattern COLOR = Pattern.compile("^#[0-9a-fA-F]{6}$");

    private final Header header = new Header();
    private final H1 siteName = new H1();
    private final Div actions = new Div();
    private final Main content = new Main();

    protected PageShell() {
        addClassName("rc-page");
        header.addClassName("rc-header");
        siteName.addClassName("rc-site-name");
        actions.addClassName("rc-header-actions");
        content.addClassName("rc-content");
        Button lang = new Button(getTranslation("lang.switch"), e -> switchLanguage());
        lang.setId("lang-switch");
        lang.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        lang.addClassName("rc-lang");
        actions.add(lang);
        header.add(siteName, actions);
        add(header, content);
    }

    /** Sets the name in the header bar. */
    protected void siteName(String text, String id) {
        siteName.setText(text);
        siteName.setId(id);
    }

    /** Colours the header (and accents) with a tenant's primary colour (a {@code #rrggbb} value; anything else is ignored). */
    protected void accent(String color) {
        if (color != null && COLOR.matcher(color).matches()) {
            getStyle().set("--rc-primary", color);
        }
    }

    /** Adds components to the header's action area, before the language switch. */
    protected void headerActions(Component... components) {
        for (int i = components.length - 1; i >= 0; i--) {
            actions.addComponentAsFirst(components[i]);
        }
    }

    /** The header of a university's pages: its name (id {@code portal-name}) and colour. */
    protected void tenantFrame(Tenant tenant) {
        siteName(tenant.name(getLocale()), "portal-name");
        accent(tenant.branding() == null ? null : tenant.branding().primaryColor());
    }

    /**
     * The header actions of a signed-in tenant user: links to the own page and (registrars) the
     * back office, the user's name and the sign-out button.
     */
    protected void signedIn(UiUser user, Button signOut) {
        Anchor me = new Anchor("/me", getTranslation("nav.me"));
        me.setId("nav-me");
        me.addClassName("rc-header-link");
        Span who = new Span(user.displayName());
        who.setId("user-name");
        who.addClassName("rc-user");
        if (user.has(Roles.TENANT_ADMIN)) {
            Anchor admin = new Anchor("/admin", getTranslation("nav.admin"));
            admin.setId("nav-admin");
            admin.addClassName("rc-header-link");
            headerActions(me, admin, who, signOut);
        } else {
            headerActions(me, who, signOut);
        }
    }

    /** Adds components to the content column. */
    protected void content(Component... components) {
        content.add(components);
    }

    /** Adds components in a centred column as wide as a form (sign-in, password pages). */
    protected void centred(Component... components) {
        Div column = new Div(components);
        column.addClassName("rc-centred");
        content.add(column);
    }

    protected void clearContent() {
        content.removeAll();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("app.title");
    }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        // The page language picks the right glyphs for CJK punctuation and helps screen readers.
        String lang = "en".equals(getLocale().getLanguage()) ? "en" : "zh-CN";
        event.getUI().getElement().executeJs("document.documentElement.lang = $0", lang);
    }

    private void switchLanguage() {
        Locale next = "en".equals(getLocale().getLanguage()) ? Messages.ZH : Messages.EN;
        VaadinSession.getCurrent().setLocale(next);
        getUI().ifPresent(ui -> ui.getPage().reload());
    }
}

package io.rollcheck.webui.signoff;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.CssImport;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.dom.Element;
import com.vaadin.flow.server.streams.DownloadHandler;
import io.rollcheck.platform.security.SignIn;
import io.rollcheck.platform.tenancy.Tenant;
import io.rollcheck.platform.validation.Conflict;
import io.rollcheck.platform.validation.NotFound;
import io.rollcheck.tenantadmin.campaign.PublishedCampaign;
import io.rollcheck.tenantadmin.signoff.ClassDesk;
import io.rollcheck.tenantadmin.signoff.SignOffs;
import io.rollcheck.webui.site.PageShell;
import io.rollcheck.webui.site.SignOut;
import io.rollcheck.webui.site.PasswordPrompt;
import io.rollcheck.webui.site.Reauth;
import io.rollcheck.webui.site.Site;
import io.rollcheck.webui.site.UiUser;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The frame of the sign-off chain's pages (class, college, cockpit): the university's header, the
 * signed-in user, and small builders for read-only tables (text only, so names stay text) and downloads.
 */
@CssImport("./styles/chain.css")
abstract class ChainPage extends PageShell {

    protected final Tenant tenant;
    protected final UiUser user;

    ChainPage(SignOut signOut) {
        this.tenant = Site.tenant();
        this.user = Site.user().orElseThrow();
        tenantFrame(tenant);
        signedIn(user, signOut.button());
    }

    /**
     * Opens the page of one unit, {@code kind} {@code class} or {@code college}: its title, a chooser
     * when the user holds more than one unit, and the open campaign. Empty, with a note shown, when
     * no campaign is open.
     */
    protected Optional<PublishedCampaign> unitPage(String kind, List<ClassDesk.Unit> units, long id, SignOffs signOffs) {
        clearContent();
        H2 heading = new H2(getTranslation("chain." + kind + ".title"));
        heading.setId(kind + "-title");
        content(heading);
        if (units.size() > 1) {
            Select<ClassDesk.Unit> choose = new Select<>();
            choose.setId(kind + "-choose");
            choose.setLabel(getTranslation("chain." + kind + ".choose"));
            choose.setItems(units);
            choose.setItemLabelGenerator(ClassDesk.Unit::name);
            units.stream().filter(u -> u.id() == id).findFirst().ifPresent(choose::setValue);
            choose.addValueChangeListener(e -> {
                if (e.isFromClient() && e.getValue() != null) {
                    getUI().ifPresent(ui -> ui.navigate(kind + "?id=" + e.getValue().id()));
                }
            });
            content(choose);
        }
        try {
            return Optional.of(signOffs.campaign(tenant.context(), null));
        } catch (NotFound none) {
            content(note(kind + "-no-campaign", getTranslation("chain.noCampaign"), "rc-card", "rc-secondary"));
            return Optional.empty();
        }
    }

    /** A table of text cells; {@code classes} (nullable, per row) marks a row, e.g. overdue. */
    static Div table(String id, List<String> head, List<List<String>> rows, List<String> classes) {
        Element table = new Element("table");
        table.getClassList().add("rc-table");
        Element tr = new Element("tr");
        for (String h : head) {
            tr.appendChild(new Element("th").setText(h));
        }
        table.appendChild(new Element("thead").appendChild(tr));
        Element body = new Element("tbody");
        for (int i = 0; i < rows.size(); i++) {
            Element r = new Element("tr");
            if (classes != null && classes.get(i) != null) {
                r.getClassList().add(classes.get(i));
            }
            for (String cell : rows.get(i)) {
                r.appendChild(new Element("td").setText(cell == null ? "" : cell));
            }
            body.appendChild(r);
        }
        table.appendChild(body);
        Div wrap = new Div();
        wrap.setId(id);
        wrap.addClassName("rc-table-wrap");
        wrap.getElement().appendChild(table);
        return wrap;
    }

    /** A download link styled as a button; the bytes are made when clicked. */
    static Anchor download(String id, String label, String fileName, String contentType, Supplier<byte[]> bytes) {
        DownloadHandler h = event -> {
            byte[] b = bytes.get();
            event.setFileName(fileName);
            event.setContentType(contentType);
            event.setContentLength(b.length);
            event.getResponse().setHeader("Cache-Control", "no-store");
            event.getOutputStream().write(b);
        };
        Anchor a = new Anchor(h, label);
        a.setId(id);
        a.addClassNames("rc-button", "rc-button-secondary");
        return a;
    }

    static Paragraph note(String id, String text, String... classes) {
        Paragraph p = new Paragraph(text);
        p.setId(id);
        p.addClassNames(classes);
        return p;
    }

    /** The password again before a signature; empty when proved, else the message to show. */
    /**
     * The re-authentication of a sign-off, the same as a student's signature: the password again (and
     * the code of a second factor), or a recent single sign-on for an account without a password.
     * Empty when proved; else the refusal is shown on the prompt.
     */
    Optional<SignIn.Refused> reauthenticate(Reauth reauth, PasswordPrompt prompt) {
        Optional<SignIn.Refused> refused = reauth.check(tenant.context(), user.username(), prompt, Site.ip());
        refused.ifPresent(r -> Reauth.show(prompt, r));
        return refused;
    }

    /**
     * The sign button of a unit's page ({@code kind}-sign): the password is checked again first; a
     * refusal of the signature ({@link Conflict}) is shown under the password.
     */
    Button signButton(String kind, String labelKey, Reauth reauth, PasswordPrompt password, Runnable sign) {
        Button b = new Button(getTranslation(labelKey));
        b.setId(kind + "-sign");
        b.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        b.addClickListener(e -> {
            if (reauthenticate(reauth, password).isPresent()) {
                return;
            }
            try {
                sign.run();
            } catch (Conflict c) {
                password.error(getTranslation("problem." + c.code()));
            }
        });
        return b;
    }

    /** Null as empty text. */
    static String nz(String s) {
        return s == null ? "" : s;
    }

    PasswordPrompt signingPrompt(Reauth reauth, String id) {
        return new PasswordPrompt(id, reauth.hasPassword(tenant.context(), user.username()));
    }
}

package io.rollcheck.webui.admin;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Nav;

/**
 * The registrar's menu at the top of every back-office page: one link per screen, the current one
 * marked. The links wrap onto a second line on a phone instead of scrolling out of sight.
 */
public class AdminNav extends Nav {

    /** The back-office screens, in menu order. */
    public enum Item {
        HOME("admin", "home"),
        COCKPIT("admin/cockpit", "cockpit"),
        ROSTER("admin/roster", "roster"),
        ORG("admin/org", "org"),
        CAMPAIGNS("admin/campaigns", "campaigns"),
        BRANDING("admin/branding", "branding"),
        AUDIT("admin/audit", "audit");

        private final String path;
        private final String key;

        Item(String path, String key) {
            this.path = path;
            this.key = key;
        }

        public String path() {
            return path;
        }

        /** The bundle key of the screen's name ({@code admin.nav.*}). */
        public String label() {
            return "admin.nav." + key;
        }

        public String id() {
            return "admin-nav-" + key;
        }
    }

    public AdminNav(Item current) {
        addClassName("rc-admin-nav");
        setId("admin-nav");
        getElement().setAttribute("aria-label", getTranslation("admin.nav.label"));
        for (Item item : Item.values()) {
            Anchor a = new Anchor("/" + item.path(), getTranslation(item.label()));
            a.setId(item.id());
            if (item == current) {
                a.getElement().setAttribute("aria-current", "page");
            }
            add(a);
        }
    }
}

package io.rollcheck.webui.admin.org;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import io.rollcheck.platform.security.Roles;
import io.rollcheck.platform.validation.ValidationFailed;
import io.rollcheck.tenantadmin.org.Organisation;
import io.rollcheck.webui.admin.CompactGrid;
import io.rollcheck.webui.admin.FieldErrors;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Staff accounts: user name, name, e-mail, roles and their scope (colleges for college staff,
 * classes for counselors). A new account gets a one-time setup link instead of a password, shown
 * once in a dialog.
 */
class StaffTab extends Div implements OrgTab {

    private final OrgContext ctx;
    private final Function<String, String> setupLink;
    private final TextField username;
    private final TextField displayName;
    private final EmailField email = new EmailField();
    private final CheckboxGroup<String> roles = new CheckboxGroup<>();
    private final MultiSelectComboBox<Organisation.College> colleges = new MultiSelectComboBox<>();
    private final MultiSelectComboBox<Organisation.SchoolClass> classes = new MultiSelectComboBox<>();
    private final Paragraph message = new Paragraph();
    private final Grid<Organisation.Staff> grid;
    private OrgData data;

    StaffTab(OrgContext ctx, Function<String, String> setupLink) {
        this.ctx = ctx;
        this.setupLink = setupLink;
        username = Forms.text(this, "admin.org.staff.username", "staff-username", 32);
        username.setHelperText(getTranslation("admin.org.staff.usernameHelp"));
        displayName = Forms.text(this, "admin.org.staff.displayName", "staff-display-name", 60);
        email.setLabel(getTranslation("admin.org.staff.email"));
        email.setId("staff-email");
        email.setWidthFull();
        roles.setLabel(getTranslation("admin.org.staff.roles"));
        roles.setId("staff-roles");
        roles.setItems(Roles.TENANT_ADMIN, Roles.COLLEGE_STAFF, Roles.COUNSELOR);
        roles.setItemLabelGenerator(r -> getTranslation("role." + r));
        colleges.setLabel(getTranslation("admin.org.staff.colleges"));
        colleges.setId("staff-colleges");
        colleges.setItemLabelGenerator(c -> Forms.name(c, getLocale()));
        colleges.setWidthFull();
        classes.setLabel(getTranslation("admin.org.staff.classes"));
        classes.setId("staff-classes");
        classes.setItemLabelGenerator(Organisation.SchoolClass::name);
        classes.setWidthFull();
        roles.addValueChangeListener(e -> scopes());
        scopes();
        add(Forms.card(this, "admin.org.staff.add", Forms.form(username, displayName, email, roles, colleges, classes),
                Forms.add(this, "staff-add", this::save), message));

        grid = Forms.grid("staff-grid", getTranslation("admin.org.empty"));
        grid.addColumn(Organisation.Staff::username).setHeader(getTranslation("admin.org.staff.username")).setWidth("8rem");
        grid.addColumn(Organisation.Staff::displayName).setHeader(getTranslation("admin.org.staff.displayName"));
        grid.addColumn(this::roles).setHeader(getTranslation("admin.org.staff.roles"));
        grid.addColumn(this::scope).setHeader(getTranslation("admin.org.staff.scope")).setFlexGrow(2);
        CompactGrid.cards(grid, getTranslation("admin.org.tab.staff"), s -> CompactGrid.card(s.displayName() + "（" + s.username() + "）",
                roles(s), scope(s)));
        add(grid);
    }

    /** Colleges matter for college staff, classes for counselors. */
    private void scopes() {
        colleges.setVisible(roles.getValue().contains(Roles.COLLEGE_STAFF));
        classes.setVisible(roles.getValue().contains(Roles.COUNSELOR));
    }

    private String roles(Organisation.Staff s) {
        return s.roles().stream().filter(r -> !Roles.STUDENT.equals(r)).map(r -> getTranslation("role." + r))
                .collect(Collectors.joining(getTranslation("list.separator")));
    }

    private String scope(Organisation.Staff s) {
        if (data == null) {
            return "";
        }
        List<String> names = new ArrayList<>();
        var byCollege = data.collegesById();
        var byClass = data.classesById();
        s.collegeIds().stream().map(byCollege::get).filter(java.util.Objects::nonNull).map(c -> Forms.name(c, getLocale()))
                .forEach(names::add);
        s.classIds().stream().map(byClass::get).filter(java.util.Objects::nonNull).map(Organisation.SchoolClass::name)
                .forEach(names::add);
        return String.join(getTranslation("list.separator"), names);
    }

    private void save() {
        Map<String, HasValidation> fields = Map.of("username", username, "displayName", displayName, "email", email,
                "roles", roles, "collegeIds", colleges, "classIds", classes);
        List<String> chosenRoles = List.of(Roles.TENANT_ADMIN, Roles.COLLEGE_STAFF, Roles.COUNSELOR).stream()
                .filter(roles.getValue()::contains).toList();
        try {
            Organisation.NewAccount a = ctx.org().addStaff(ctx.tenant(), ctx.actor(), username.getValue(), displayName.getValue(),
                    Forms.blankToNull(email.getValue()), chosenRoles,
                    chosenRoles.contains(Roles.COLLEGE_STAFF) ? colleges.getValue().stream().map(Organisation.College::id).toList() : List.of(),
                    chosenRoles.contains(Roles.COUNSELOR) ? classes.getValue().stream().map(Organisation.SchoolClass::id).toList() : List.of());
            FieldErrors.clear(fields);
            String who = username.getValue().strip();
            message.setVisible(false);
            new SetupLinkDialog(getTranslation("admin.org.staff.created", who), List.of(Map.of("username", who,
                    "setupLink", setupLink.apply(a.setupToken())))).open();
            username.clear();
            displayName.clear();
            email.clear();
            roles.clear();
            colleges.clear();
            classes.clear();
            ctx.changed().run();
        } catch (ValidationFailed failed) {
            Forms.sayAll(message, FieldErrors.show(this, failed, fields));
        }
    }

    @Override
    public void show(OrgData d) {
        this.data = d;
        colleges.setItems(d.colleges());
        classes.setItems(d.classes());
        grid.setItems(d.staff());
    }
}

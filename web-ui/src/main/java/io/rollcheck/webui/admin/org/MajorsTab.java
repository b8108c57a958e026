package io.rollcheck.webui.admin.org;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import io.rollcheck.platform.validation.ValidationFailed;
import io.rollcheck.tenantadmin.org.Organisation;
import io.rollcheck.webui.admin.CompactGrid;
import io.rollcheck.webui.admin.FieldErrors;

import java.util.Map;

/** Majors (专业), optionally under a college. */
class MajorsTab extends Div implements OrgTab {

    private final OrgContext ctx;
    private final Select<Organisation.College> college = new Select<>();
    private final TextField name;
    private final Paragraph message = new Paragraph();
    private final Grid<Organisation.Major> grid;
    private Map<Long, Organisation.College> colleges = Map.of();

    MajorsTab(OrgContext ctx) {
        this.ctx = ctx;
        college.setLabel(getTranslation("admin.org.college"));
        college.setId("major-college");
        college.setEmptySelectionAllowed(true);
        college.setEmptySelectionCaption(getTranslation("admin.org.major.anyCollege"));
        college.setItemLabelGenerator(c -> c == null ? getTranslation("admin.org.major.anyCollege") : Forms.name(c, getLocale()));
        name = Forms.text(this, "admin.org.major.name", "major-name", 100);
        add(Forms.card(this, "admin.org.major.add", Forms.form(college, name), Forms.add(this, "major-add", this::save), message));
        grid = Forms.grid("major-grid", getTranslation("admin.org.empty"));
        grid.addColumn(Organisation.Major::name).setHeader(getTranslation("admin.org.major.name"));
        grid.addColumn(m -> m.collegeId() == null || !colleges.containsKey(m.collegeId()) ? ""
                : Forms.name(colleges.get(m.collegeId()), getLocale())).setHeader(getTranslation("admin.org.college"));
        CompactGrid.cards(grid, getTranslation("admin.org.tab.majors"), m -> CompactGrid.card(m.name(),
                m.collegeId() == null || !colleges.containsKey(m.collegeId()) ? null : Forms.name(colleges.get(m.collegeId()), getLocale())));
        add(grid);
    }

    private void save() {
        Map<String, TextField> fields = Map.of("name", name);
        try {
            ctx.org().addMajor(ctx.tenant(), ctx.actor(), college.getValue() == null ? null : college.getValue().id(), name.getValue());
            FieldErrors.clear(fields);
            Forms.say(message, getTranslation("admin.org.major.added", name.getValue().strip()), true);
            name.clear();
            ctx.changed().run();
        } catch (ValidationFailed failed) {
            Forms.sayAll(message, FieldErrors.show(this, failed, fields));
        }
    }

    @Override
    public void show(OrgData data) {
        colleges = data.collegesById();
        Organisation.College chosen = college.getValue();
        college.setItems(data.colleges());
        if (chosen != null) {
            data.colleges().stream().filter(c -> c.id() == chosen.id()).findFirst().ifPresent(college::setValue);
        }
        grid.setItems(data.majors());
    }
}

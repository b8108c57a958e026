package io.rollcheck.webui.admin.org;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import io.rollcheck.platform.validation.ValidationFailed;
import io.rollcheck.tenantadmin.org.Organisation;
import io.rollcheck.webui.admin.CompactGrid;
import io.rollcheck.webui.admin.FieldErrors;

import java.util.Map;

/** Colleges (学院/系): the list and a form to add one. */
class CollegesTab extends Div implements OrgTab {

    private final OrgContext ctx;
    private final TextField code;
    private final TextField nameZh;
    private final TextField nameEn;
    private final Paragraph message = new Paragraph();
    private final Grid<Organisation.College> grid;

    CollegesTab(OrgContext ctx) {
        this.ctx = ctx;
        code = Forms.text(this, "admin.org.code", "college-code", 32);
        code.setHelperText(getTranslation("admin.org.codeHelp"));
        nameZh = Forms.text(this, "admin.org.college.nameZh", "college-name-zh", 100);
        nameEn = Forms.text(this, "admin.org.college.nameEn", "college-name-en", 100);
        add(Forms.card(this, "admin.org.college.add", Forms.form(code, nameZh, nameEn), Forms.add(this, "college-add", this::save),
                message));
        grid = Forms.grid("college-grid", getTranslation("admin.org.empty"));
        grid.addColumn(Organisation.College::code).setHeader(getTranslation("admin.org.code")).setWidth("7rem").setFlexGrow(0);
        grid.addColumn(Organisation.College::nameZh).setHeader(getTranslation("admin.org.college.nameZh"));
        grid.addColumn(Organisation.College::nameEn).setHeader(getTranslation("admin.org.college.nameEnColumn"));
        CompactGrid.cards(grid, getTranslation("admin.org.tab.colleges"), c -> CompactGrid.card(c.code() + " · " + c.nameZh(), c.nameEn()));
        add(grid);
    }

    private void save() {
        Map<String, TextField> fields = Map.of("code", code, "nameZh", nameZh);
        try {
            ctx.org().addCollege(ctx.tenant(), ctx.actor(), code.getValue(), nameZh.getValue(), Forms.blankToNull(nameEn.getValue()));
            FieldErrors.clear(fields);
            Forms.say(message, getTranslation("admin.org.college.added", nameZh.getValue().strip()), true);
            code.clear();
            nameZh.clear();
            nameEn.clear();
            ctx.changed().run();
        } catch (ValidationFailed failed) {
            Forms.sayAll(message, FieldErrors.show(this, failed, fields));
        }
    }

    @Override
    public void show(OrgData data) {
        grid.setItems(data.colleges());
    }
}

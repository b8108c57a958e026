package io.rollcheck.webui.admin.org;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import io.rollcheck.platform.validation.ValidationFailed;
import io.rollcheck.tenantadmin.org.Organisation;
import io.rollcheck.webui.admin.CompactGrid;
import io.rollcheck.webui.admin.FieldErrors;

import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Classes (班级) with cohort and level, and their class monitors (汇总人), named by 学号. */
class ClassesTab extends Div implements OrgTab {

    static final List<String> LEVELS = List.of("专科", "本科", "硕士", "博士");

    private final OrgContext ctx;
    private final Select<Organisation.College> college = new Select<>();
    private final TextField code;
    private final TextField name;
    private final IntegerField cohort = new IntegerField();
    private final ComboBox<String> level = new ComboBox<>();
    private final Paragraph message = new Paragraph();
    private final Select<Organisation.SchoolClass> monitorClass = new Select<>();
    private final TextField monitorNo;
    private final Paragraph monitorMessage = new Paragraph();
    private final Grid<Organisation.SchoolClass> grid;
    private OrgData data;

    ClassesTab(OrgContext ctx) {
        this.ctx = ctx;
        college.setLabel(getTranslation("admin.org.college"));
        college.setId("class-college");
        college.setItemLabelGenerator(c -> Forms.name(c, getLocale()));
        code = Forms.text(this, "admin.org.code", "class-code", 32);
        name = Forms.text(this, "admin.org.class.name", "class-name", 100);
        cohort.setLabel(getTranslation("admin.org.class.cohort"));
        cohort.setId("class-cohort");
        cohort.setMin(1990);
        cohort.setMax(2100);
        cohort.setValue(Year.now().getValue());
        level.setLabel(getTranslation("admin.org.class.level"));
        level.setId("class-level");
        level.setItems(LEVELS);
        level.setAllowCustomValue(true);
        level.addCustomValueSetListener(e -> level.setValue(e.getDetail()));
        add(Forms.card(this, "admin.org.class.add", Forms.form(college, code, name, cohort, level),
                Forms.add(this, "class-add", this::save), message));

        monitorClass.setLabel(getTranslation("admin.org.monitor.class"));
        monitorClass.setId("monitor-class");
        monitorClass.setItemLabelGenerator(Organisation.SchoolClass::name);
        monitorNo = Forms.text(this, "admin.org.monitor.studentNo", "monitor-student-no", 32);
        monitorNo.setHelperText(getTranslation("admin.org.monitor.help"));
        var assign = Forms.add(this, "monitor-assign", this::assign);
        assign.setText(getTranslation("admin.org.monitor.assign"));
        add(Forms.card(this, "admin.org.monitor.title", Forms.form(monitorClass, monitorNo), assign, monitorMessage));

        grid = Forms.grid("class-grid", getTranslation("admin.org.empty"));
        grid.addColumn(Organisation.SchoolClass::code).setHeader(getTranslation("admin.org.code")).setWidth("6rem").setFlexGrow(0);
        grid.addColumn(Organisation.SchoolClass::name).setHeader(getTranslation("admin.org.class.name"));
        grid.addColumn(this::college).setHeader(getTranslation("admin.org.college"));
        grid.addColumn(c -> c.cohort() == null ? "" : String.valueOf(c.cohort())).setHeader(getTranslation("admin.org.class.cohort"))
                .setWidth("5rem").setFlexGrow(0);
        grid.addColumn(Organisation.SchoolClass::level).setHeader(getTranslation("admin.org.class.level")).setWidth("5rem").setFlexGrow(0);
        grid.addColumn(this::monitor).setHeader(getTranslation("admin.org.monitor.column"));
        CompactGrid.cards(grid, getTranslation("admin.org.tab.classes"), c -> CompactGrid.card(c.name() + " · " + c.code(),
                String.join(" · ", java.util.stream.Stream.of(college(c), c.cohort() == null ? null : String.valueOf(c.cohort()), c.level())
                        .filter(x -> x != null && !x.isBlank()).toList()),
                monitor(c).isEmpty() ? null : getTranslation("admin.org.monitor.column") + "：" + monitor(c)));
        add(grid);
    }

    private String college(Organisation.SchoolClass c) {
        Organisation.College k = data == null ? null : data.collegesById().get(c.collegeId());
        return k == null ? "" : Forms.name(k, getLocale());
    }

    private String monitor(Organisation.SchoolClass c) {
        return data == null ? "" : data.monitorOf(c.id()).map(s -> s.displayName() + "（" + s.username() + "）").orElse("");
    }

    private void save() {
        Map<String, com.vaadin.flow.component.HasValidation> fields = Map.of("code", code, "name", name, "cohort", cohort,
                "collegeId", college);
        FieldErrors.clear(fields);
        if (college.getValue() == null) {
            college.setErrorMessage(getTranslation("admin.org.college.required"));
            college.setInvalid(true);
            return;
        }
        try {
            ctx.org().addClass(ctx.tenant(), ctx.actor(), college.getValue().id(), code.getValue(), name.getValue(),
                    cohort.getValue(), Forms.blankToNull(level.getValue()));
            Forms.say(message, getTranslation("admin.org.class.added", name.getValue().strip()), true);
            code.clear();
            name.clear();
            ctx.changed().run();
        } catch (ValidationFailed failed) {
            Forms.sayAll(message, FieldErrors.show(this, failed, fields));
        }
    }

    private void assign() {
        Map<String, com.vaadin.flow.component.HasValidation> fields = Map.of("studentNo", monitorNo, "classId", monitorClass);
        FieldErrors.clear(fields);
        Organisation.SchoolClass k = monitorClass.getValue();
        if (k == null) {
            monitorClass.setErrorMessage(getTranslation("admin.org.monitor.classRequired"));
            monitorClass.setInvalid(true);
            return;
        }
        try {
            ctx.org().assignMonitor(ctx.tenant(), ctx.actor(), k.id(), monitorNo.getValue().strip());
            Forms.say(monitorMessage, getTranslation("admin.org.monitor.assigned", monitorNo.getValue().strip(), k.name()), true);
            monitorNo.clear();
            ctx.changed().run();
        } catch (ValidationFailed failed) {
            Forms.sayAll(monitorMessage, FieldErrors.show(this, failed, fields));
        }
    }

    @Override
    public void show(OrgData d) {
        this.data = d;
        keep(college, d.colleges(), (a, b) -> a.id() == b.id());
        keep(monitorClass, d.classes(), (a, b) -> a.id() == b.id());
        List<String> levels = new ArrayList<>(LEVELS);
        d.classes().stream().map(Organisation.SchoolClass::level).filter(l -> l != null && !levels.contains(l)).distinct()
                .forEach(levels::add);
        level.setItems(levels);
        grid.setItems(d.classes());
    }

    /** New items, the same choice as before when it still exists. */
    static <T> void keep(Select<T> select, List<T> items, java.util.function.BiPredicate<T, T> same) {
        T chosen = select.getValue();
        select.setItems(items);
        if (chosen != null) {
            items.stream().filter(i -> same.test(i, chosen)).findFirst().ifPresent(select::setValue);
        }
    }
}

package io.rollcheck.webui.admin.org;

import com.vaadin.flow.component.html.Div;
import io.rollcheck.tenantadmin.org.OrgImport;

import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Colleges and classes, and staff accounts, from CSV/XLSX lists: each file is checked first, then
 * committed all or nothing (re-importing changes nothing). New staff get their setup links.
 */
class ImportTab extends Div {

    ImportTab(OrgContext ctx, OrgImport imports, BiFunction<String, String, String> setupLink) {
        OrgImportCard classes = new OrgImportCard("classes", getTranslation("admin.org.import.classes"),
                getTranslation("admin.org.import.classesHelp"), (file, dryRun) -> {
            OrgImport.Report r = imports.classes(ctx.tenant(), ctx.actor(), file.path(), dryRun, getLocale());
            String summary = r.committed()
                    ? getTranslation("admin.org.import.classesDone", r.collegesCreated(), r.classesCreated(), r.unchanged())
                    : getTranslation("admin.org.import.checked", r.rows(), r.rejected());
            return new OrgImportCard.Outcome(r.rows(), r.rejected(), r.errors(), r.committed(), summary, List.of());
        }, ctx.changed());
        OrgImportCard staff = new OrgImportCard("staff", getTranslation("admin.org.import.staff"),
                getTranslation("admin.org.import.staffHelp"), (file, dryRun) -> {
            OrgImport.StaffReport r = imports.staff(ctx.tenant(), ctx.actor(), file.path(), dryRun, getLocale(), ctx.org(),
                    setupLink::apply);
            String summary = r.committed()
                    ? getTranslation("admin.org.import.staffDone", r.created(), r.unchanged())
                    : getTranslation("admin.org.import.checked", r.rows(), r.rejected());
            List<Map<String, String>> links = r.setupLinks() == null ? List.of() : r.setupLinks();
            return new OrgImportCard.Outcome(r.rows(), r.rejected(), r.errors(), r.committed(), summary, links);
        }, ctx.changed());
        add(classes, staff);
    }
}

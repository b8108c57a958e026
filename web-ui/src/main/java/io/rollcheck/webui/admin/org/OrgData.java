package io.rollcheck.webui.admin.org;

import io.rollcheck.platform.security.Roles;
import io.rollcheck.tenantadmin.org.Organisation;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The organisation as the tabs show it, read once per change. */
record OrgData(List<Organisation.College> colleges, List<Organisation.Major> majors, List<Organisation.SchoolClass> classes,
               List<Organisation.Staff> staff) {

    static OrgData load(OrgContext ctx) {
        return new OrgData(ctx.org().colleges(ctx.tenant()), ctx.org().majors(ctx.tenant()),
                ctx.org().classes(ctx.tenant(), null), ctx.org().staff(ctx.tenant()));
    }

    Map<Long, Organisation.College> collegesById() {
        return colleges.stream().collect(Collectors.toMap(Organisation.College::id, Function.identity()));
    }

    Map<Long, Organisation.SchoolClass> classesById() {
        return classes.stream().collect(Collectors.toMap(Organisation.SchoolClass::id, Function.identity()));
    }

    /** The class monitor (汇总人) of a class: the account with that role scoped to it. */
    Optional<Organisation.Staff> monitorOf(long classId) {
        return staff.stream().filter(s -> s.roles().contains(Roles.CLASS_MONITOR) && s.classIds().contains(classId))
                .filter(s -> !s.roles().contains(Roles.COUNSELOR)).findFirst();
    }
}

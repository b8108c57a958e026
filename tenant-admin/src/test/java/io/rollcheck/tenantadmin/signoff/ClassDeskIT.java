package io.rollcheck.tenantadmin.signoff;

import io.rollcheck.tenantadmin.campaign.CampaignContent;
import io.rollcheck.platform.db.Db;
import io.rollcheck.platform.security.Principal;
import io.rollcheck.tenantadmin.selfcheck.SelfCheck;
import io.rollcheck.platform.validation.NotFound;
import io.rollcheck.tenantadmin.testing.CampaignFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The screens' helper: scope lists and the nudge. */
class ClassDeskIT {

    @BeforeAll
    static void start() {
        SignOffChainIT.start();
    }

    @AfterAll
    static void stop() {
        SignOffChainIT.stop();
    }

    static Principal user(SignOffChainIT.World w, String username, String... roles) {
        long id = SignOffChainIT.app.bean(Db.class).tenant(w.t().context(), c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT id FROM users WHERE username = ?")) {
                ps.setString(1, username);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
        return new Principal(w.t().slug(), id, username, username, List.of(roles), null);
    }

    static long count(SignOffChainIT.World w, String sql) {
        return SignOffChainIT.app.bean(Db.class).tenant(w.t().context(), c -> {
            try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    @Test
    void nudge_messages_only_the_students_of_the_class_who_have_not_signed() {
        var w = SignOffChainIT.aWorld(3, CampaignFixture.aCampaign(SignOffChainIT.TODAY, 10, CampaignContent.LatePolicy.REFUSE));
        SignOffChainIT.checkAndSign(w, w.org().studentsK1.get(0));
        ClassDesk desk = SignOffChainIT.app.bean(ClassDesk.class);
        var pc = SignOffChainIT.app.bean(SignOffs.class).campaign(w.t().context(), w.campaignId());
        SelfCheck check = SignOffChainIT.app.bean(SelfCheck.class);
        long pending = w.org().studentsK1.get(1);
        assertEquals(0, check.state(w.t().context(), pending).unreadMessages(), "read once, so the state is cached");
        int n = desk.nudge(w.t().context(), user(w, "monitor1", "CLASS_MONITOR", "STUDENT"), pc, w.org().k1, "10.0.0.1");
        assertEquals(2, n);
        assertEquals(2, count(w, "SELECT count(*) FROM student_messages WHERE kind = 'NUDGE'"));
        assertEquals(0, count(w, "SELECT count(*) FROM student_messages WHERE kind = 'NUDGE' AND student_id = "
                + w.org().studentsK1.get(0)));
        assertEquals(1, check.state(w.t().context(), pending).unreadMessages(), "the cached state shows the nudge at once");
    }

    @Test
    void a_monitor_cannot_nudge_another_class_and_sees_only_his_own() {
        var w = SignOffChainIT.aWorld(2, CampaignFixture.aCampaign(SignOffChainIT.TODAY, 10, CampaignContent.LatePolicy.REFUSE));
        ClassDesk desk = SignOffChainIT.app.bean(ClassDesk.class);
        var pc = SignOffChainIT.app.bean(SignOffs.class).campaign(w.t().context(), w.campaignId());
        Principal monitor = user(w, "monitor1", "CLASS_MONITOR", "STUDENT");
        assertThrows(NotFound.class, () -> desk.nudge(w.t().context(), monitor, pc, w.org().k3, "10.0.0.1"));
        assertEquals(0, count(w, "SELECT count(*) FROM student_messages"));
        assertEquals(List.of(w.org().k1), desk.classes(w.t().context(), monitor).stream().map(ClassDesk.Unit::id).toList());
        assertEquals(List.of(), desk.colleges(w.t().context(), monitor));
        Principal staff = user(w, "staff1", "COLLEGE_STAFF");
        assertEquals(List.of(w.org().k1, w.org().k2), desk.classes(w.t().context(), staff).stream().map(ClassDesk.Unit::id).toList());
        assertEquals(List.of(w.org().college1), desk.colleges(w.t().context(), staff).stream().map(ClassDesk.Unit::id).toList());
        Principal admin = user(w, "admin", "TENANT_ADMIN");
        assertEquals(3, desk.classes(w.t().context(), admin).size());
        assertEquals(2, desk.colleges(w.t().context(), admin).size());
    }
}

package io.rollcheck.tenantadmin.demo;

import io.rollcheck.tenantadmin.portal.PortalService;
import io.rollcheck.platform.tenancy.Provisioning;
import io.rollcheck.platform.tenancy.SignupRequest;
import io.rollcheck.platform.tenancy.SignupService;
import io.rollcheck.platform.tenancy.Tenant;
import io.rollcheck.platform.tenancy.TenantAccounts;
import io.rollcheck.platform.tenancy.TenantRegistry;
import jakarta.inject.Singleton;

import java.util.Optional;

/**
 * The demo university {@code demo} (演示大学), made on first start in demo mode through the same
 * sign-up and approval path a real university takes.
 */
@Singleton
public class DemoTenant {

    public static final String SLUG = "demo";

    private final SignupService signups;
    private final Provisioning provisioning;
    private final TenantRegistry registry;
    private final TenantAccounts accounts;
    private final PortalService portal;

    public DemoTenant(SignupService signups, Provisioning provisioning, TenantRegistry registry,
                      TenantAccounts accounts, PortalService portal) {
        this.signups = signups;
        this.provisioning = provisioning;
        this.registry = registry;
        this.accounts = accounts;
        this.portal = portal;
    }

    /**
     * Creates the demo tenant when missing and returns it. {@code password} becomes the registrar's
     * when the tenant is created, never later: a start must not reset a password someone chose.
     */
    public Tenant ensure(String password) {
        Optional<Tenant> existing = registry.allUncached().stream().filter(t -> t.slug().equals(SLUG)).findFirst();
        if (existing.isPresent()) {
            return existing.get();
        }
        long id = signups.submit(new SignupRequest("演示大学", "Demo University", SLUG, "学籍科 演示账号",
                "registrar@demo.example.com", "025-83590000", "demo"), null);
        Tenant t = provisioning.approve(id, "system", null).tenant();
        accounts.setPassword(t.context(), "admin", password);
        portal.post(t.context(), "2025级新生学籍信息自查即将开始",
                "请各位新生在截止日期前登录学信网核对本人学籍信息，发现错误请及时在本平台报告。", "system");
        return t;
    }
}

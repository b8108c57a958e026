package io.rollcheck.platform.tenancy;

import io.rollcheck.platform.audit.AuditLog;
import io.rollcheck.platform.db.Db;
import io.rollcheck.platform.files.Images;
import io.rollcheck.platform.validation.FieldError;
import io.rollcheck.platform.validation.ValidationFailed;
import jakarta.inject.Singleton;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A university's look: colour, welcome texts and logo. The logo must be a PNG or JPEG (decided from
 * the bytes; SVG is refused because it can carry scripts), at most 512 KB and 2,000 px a side, and
 * it is re-encoded (metadata such as EXIF/GPS and bytes after the image dropped) before it is stored
 * and served to anyone on a public URL.
 * Every change is audited and reaches every node's registry cache at once.
 */
@Singleton
public class TenantBranding {

    public static final int MAX_LOGO_BYTES = 512 * 1024;
    public static final int MAX_LOGO_SIDE = 2000;
    private static final Pattern COLOR = Pattern.compile("^#[0-9a-fA-F]{6}$");

    /** A logo as served. */
    public record Logo(byte[] bytes, String contentType) {
    }

    private final Db db;
    private final TenantRegistry registry;
    private final AuditLog audit;

    public TenantBranding(Db db, TenantRegistry registry, AuditLog audit) {
        this.db = db;
        this.registry = registry;
        this.audit = audit;
    }

    public void update(Tenant t, String actor, String primaryColor, String welcomeZh, String welcomeEn) {
        List<FieldError> e = new ArrayList<>();
        if (primaryColor == null || !COLOR.matcher(primaryColor).matches()) {
            e.add(new FieldError("primaryColor", "branding.color"));
        }
        if (welcomeZh != null && welcomeZh.length() > 500) {
            e.add(new FieldError("welcomeZh", "branding.welcome"));
        }
        if (welcomeEn != null && welcomeEn.length() > 500) {
            e.add(new FieldError("welcomeEn", "branding.welcome"));
        }
        if (!e.isEmpty()) {
            throw new ValidationFailed(e);
        }
        db.platform(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE tenants SET primary_color = ?, welcome_zh = ?, welcome_en = ?, updated_at = now() WHERE id = ?")) {
                ps.setString(1, primaryColor.toLowerCase(java.util.Locale.ROOT));
                ps.setString(2, blankToNull(welcomeZh));
                ps.setString(3, blankToNull(welcomeEn));
                ps.setLong(4, t.id());
                return ps.executeUpdate();
            }
        });
        registry.changed(t.slug());
        audit.tenant(t.context(), actor, "config.brandingChanged", "branding", "color=" + primaryColor, null);
    }

    public void setLogo(Tenant t, String actor, byte[] bytes) {
        String type = imageType(bytes);
        // served publicly: only the pixels survive (no EXIF/GPS, no text chunks, no trailing bytes)
        byte[] clean = Images.reencode(bytes, type, (long) MAX_LOGO_SIDE * MAX_LOGO_SIDE)
                .orElseThrow(() -> ValidationFailed.of("logo", "branding.logoType"));
        db.platform(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE tenants SET logo = ?, logo_type = ?, logo_reencoded = true, updated_at = now() WHERE id = ?")) {
                ps.setBytes(1, clean);
                ps.setString(2, type);
                ps.setLong(3, t.id());
                return ps.executeUpdate();
            }
        });
        registry.changed(t.slug());
        audit.tenant(t.context(), actor, "config.logoChanged", "branding", type + " " + clean.length + " bytes", null);
    }

    /** The logo as served; one stored before logos were re-encoded is re-encoded now, once. */
    public Optional<Logo> logo(Tenant t) {
        Optional<Logo> stored = db.platform(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT logo, logo_type, logo_reencoded FROM tenants WHERE id = ? AND logo IS NOT NULL")) {
                ps.setLong(1, t.id());
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.<Logo>empty();
                    }
                    Logo l = new Logo(rs.getBytes(1), rs.getString(2));
                    return rs.getBoolean(3) ? Optional.of(l) : Optional.ofNullable(reencodeStored(c, t, l));
                }
            }
        });
        return stored;
    }

    private Logo reencodeStored(Connection c, Tenant t, Logo old) throws SQLException {
        Optional<byte[]> clean = "image/png".equals(old.contentType()) || "image/jpeg".equals(old.contentType())
                ? Images.reencode(old.bytes(), old.contentType(), (long) MAX_LOGO_SIDE * MAX_LOGO_SIDE) : Optional.empty();
        // a stored logo that no longer decodes is dropped rather than served as it was
        try (PreparedStatement ps = c.prepareStatement(clean.isPresent()
                ? "UPDATE tenants SET logo = ?, logo_reencoded = true WHERE id = ? AND NOT logo_reencoded"
                : "UPDATE tenants SET logo = NULL, logo_type = NULL, logo_reencoded = true WHERE id = ? AND NOT logo_reencoded")) {
            int i = 1;
            if (clean.isPresent()) {
                ps.setBytes(i++, clean.get());
            }
            ps.setLong(i, t.id());
            if (ps.executeUpdate() == 1 && clean.isEmpty()) {
                registry.changed(t.slug()); // the portal stops announcing a logo it no longer has
            }
        }
        return clean.map(b -> new Logo(b, old.contentType())).orElse(null);
    }

    /** image/png or image/jpeg when the bytes are one and decode within the limits; else a field error. */
    static String imageType(byte[] b) {
        if (b == null || b.length == 0) {
            throw ValidationFailed.of("logo", "branding.logoMissing");
        }
        if (b.length > MAX_LOGO_BYTES) {
            throw ValidationFailed.of("logo", "branding.logoTooLarge");
        }
        String type;
        if (b.length > 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') {
            type = "image/png";
        } else if (b.length > 3 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xD8 && (b[2] & 0xff) == 0xFF) {
            type = "image/jpeg";
        } else {
            throw ValidationFailed.of("logo", "branding.logoType");
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(b))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw ValidationFailed.of("logo", "branding.logoType");
            }
            ImageReader r = readers.next();
            try {
                r.setInput(in);
                if (r.getWidth(0) > MAX_LOGO_SIDE || r.getHeight(0) > MAX_LOGO_SIDE) {
                    throw ValidationFailed.of("logo", "branding.logoTooLarge");
                }
            } finally {
                r.dispose();
            }
        } catch (IOException e) {
            throw ValidationFailed.of("logo", "branding.logoType");
        }
        return type;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}

package io.rollcheck.platform.files;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Optional;

/**
 * The one image re-encoder, for every image a person uploads (evidence, logos). A PNG or JPEG is
 * decoded to pixels and written anew by the JDK's ImageIO, so nothing of the upload survives but
 * the picture: no EXIF (GPS position, camera serial), XMP, ICC profile, comment or text chunk, and
 * nothing appended after the image data. The pixel count is checked from the header before the
 * image is decoded, so a small file declaring a huge image is refused without allocating it.
 */
public final class Images {

    private Images() {
    }

    /**
     * The re-encoded image, in the same format ({@link ContentTypes#PNG} or {@link ContentTypes#JPEG});
     * empty when the bytes do not decode as that format or hold more than {@code maxPixels} pixels.
     */
    public static Optional<byte[]> reencode(byte[] bytes, String type, long maxPixels) {
        if (!ContentTypes.PNG.equals(type) && !ContentTypes.JPEG.equals(type)) {
            throw new IllegalArgumentException("not an image type: " + type);
        }
        BufferedImage img = decode(bytes, type, maxPixels);
        if (img == null) {
            return Optional.empty();
        }
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length);
            if (ContentTypes.PNG.equals(type)) {
                if (!ImageIO.write(img, "png", out)) {
                    return Optional.empty();
                }
                return Optional.of(out.toByteArray());
            }
            BufferedImage rgb = img;
            if (img.getType() != BufferedImage.TYPE_INT_RGB) {
                rgb = new BufferedImage(img.getWidth(), img.getHeight(), BufferedImage.TYPE_INT_RGB);
                rgb.createGraphics().drawImage(img, 0, 0, null);
            }
            ImageWriter w = ImageIO.getImageWritersByFormatName("jpeg").next();
            ImageWriteParam p = w.getDefaultWriteParam();
            p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            p.setCompressionQuality(0.9f);
            try (ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
                w.setOutput(ios);
                w.write(null, new IIOImage(rgb, null, null), p);
            } finally {
                w.dispose();
            }
            return Optional.of(out.toByteArray());
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Decodes the first image with a reader of {@code type}, after checking its declared size. */
    private static BufferedImage decode(byte[] bytes, String type, long maxPixels) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReadersByMIMEType(type);
            if (in == null || !readers.hasNext()) {
                return null;
            }
            ImageReader r = readers.next();
            try {
                r.setInput(in, true, true); // metadata is never read
                long pixels = (long) r.getWidth(0) * r.getHeight(0);
                if (pixels <= 0 || pixels > maxPixels) {
                    return null;
                }
                return r.read(0);
            } finally {
                r.dispose();
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}

package io.tablewarden.packaging;

import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The icon set in {@code icons/} is complete and is the last render of {@code tablewarden.svg}: {@code render.sh}
 * records the SVG's hash and every output's hash, so editing the SVG without rendering again, or replacing an
 * output by hand, fails here.
 */
class IconSetTest {

    private static final Path ICONS = Path.of("icons");
    private static final int[] PNG_SIZES = {16, 24, 32, 48, 64, 128, 256, 512, 1024};
    private static final String SVG = "tablewarden.svg";

    @Test
    void theSvgIsTheOneLastRendered() throws IOException {
        Map<String, String> recorded = recordedHashes();
        assertEquals(recorded.get(SVG), sha256(ICONS.resolve(SVG)),
                "tablewarden.svg changed after the last render: run icons/render.sh and commit its outputs");
    }

    @Test
    void everyRenderedFileExistsAndMatchesTheRecord() throws IOException {
        Map<String, String> recorded = recordedHashes();
        List<String> expected = new ArrayList<>();
        for (int size : PNG_SIZES) {
            expected.add("tablewarden-" + size + ".png");
        }
        expected.add("tablewarden.ico");
        expected.add("tablewarden.icns");
        for (String name : expected) {
            Path file = ICONS.resolve(name);
            assertTrue(Files.isRegularFile(file), name + " is missing: run icons/render.sh");
            assertEquals(recorded.get(name), sha256(file), name + " is not the last render of the SVG");
        }
        List<String> listed = new ArrayList<>(recorded.keySet());
        listed.remove(SVG);
        assertEquals(expected, listed, "rendered.sha256 lists other files than the set");
    }

    @Test
    void eachPngHasTheSizeInItsName() throws IOException {
        for (int size : PNG_SIZES) {
            BufferedImage image = ImageIO.read(ICONS.resolve("tablewarden-" + size + ".png").toFile());
            assertEquals(size, image.getWidth(), "width of the " + size + " px icon");
            assertEquals(size, image.getHeight(), "height of the " + size + " px icon");
            assertTrue(image.getColorModel().hasAlpha(), "the " + size + " px icon has a transparent background");
        }
    }

    @Test
    void theIcoHoldsTheWindowsSizes() throws IOException {
        ByteBuffer ico = ByteBuffer.wrap(Files.readAllBytes(ICONS.resolve("tablewarden.ico")))
                .order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(0, ico.getShort(0), "ICO reserved field");
        assertEquals(1, ico.getShort(2), "ICO type (icon)");
        int count = ico.getShort(4);
        List<Integer> sizes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            // One 16-byte directory entry per image; a width byte of 0 means 256.
            int width = Byte.toUnsignedInt(ico.get(6 + 16 * i));
            sizes.add(width == 0 ? 256 : width);
        }
        assertEquals(List.of(16, 24, 32, 48, 64, 256), sizes);
    }

    @Test
    void theIcnsIsAnIconFamilyUpTo1024() throws IOException {
        byte[] icns = Files.readAllBytes(ICONS.resolve("tablewarden.icns"));
        ByteBuffer buffer = ByteBuffer.wrap(icns).order(ByteOrder.BIG_ENDIAN);
        assertEquals("icns", new String(icns, 0, 4, StandardCharsets.US_ASCII));
        assertEquals(icns.length, buffer.getInt(4), "the family's length field");
        List<String> types = new ArrayList<>();
        for (int at = 8; at < icns.length; at += buffer.getInt(at + 4)) {
            types.add(new String(icns, at, 4, StandardCharsets.US_ASCII));
        }
        // 16, 32, 48 and 128 px with their masks, then 256, 512 and 1024 px as PNG.
        assertTrue(types.containsAll(List.of("is32", "il32", "ih32", "it32", "ic08", "ic09", "ic10")),
                "icon types " + types);
    }

    private static Map<String, String> recordedHashes() throws IOException {
        Path record = ICONS.resolve("rendered.sha256");
        if (!Files.isRegularFile(record)) {
            fail("icons/rendered.sha256 is missing: run icons/render.sh");
        }
        Map<String, String> hashes = new LinkedHashMap<>();
        for (String line : Files.readAllLines(record)) {
            if (line.isBlank()) {
                continue;
            }
            String[] parts = line.trim().split("\\s+\\*?", 2);
            hashes.put(parts[1], parts[0]);
        }
        return hashes;
    }

    private static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}

package io.luxaris.channels.bluesky.internal;

import java.util.Optional;

/**
 * The width and height of an image as it is shown, read from its header: PNG, GIF, WebP and JPEG (whose EXIF
 * orientation 5 to 8 turns it by 90°, swapping width and height). Bluesky wants an aspect ratio with each image and
 * asks to leave it out rather than guess: anything unreadable gives none.
 */
public record ImageSize(int width, int height) {
    public ImageSize {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("an image size must be positive but was " + width + "x" + height);
        }
    }

    /** The size the bytes declare, when they are a PNG, GIF, WebP or JPEG whose header can be read. */
    public static Optional<ImageSize> of(byte[] b) {
        try {
            if (startsWith(b, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A) && b.length >= 24) {
                return size(int32be(b, 16), int32be(b, 20));
            }
            if (startsWith(b, 0, 'G', 'I', 'F', '8') && b.length >= 10) {
                return size(uint16le(b, 6), uint16le(b, 8));
            }
            if (startsWith(b, 0, 'R', 'I', 'F', 'F') && startsWith(b, 8, 'W', 'E', 'B', 'P') && b.length >= 30) {
                return webp(b);
            }
            if (startsWith(b, 0, 0xFF, 0xD8)) {
                return jpeg(b);
            }
        } catch (ArrayIndexOutOfBoundsException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static Optional<ImageSize> webp(byte[] b) {
        if (startsWith(b, 12, 'V', 'P', '8', ' ')) {
            // frame tag (3 bytes), start code 9D 01 2A, then 14-bit width and height
            if (!startsWith(b, 23, 0x9D, 0x01, 0x2A)) {
                return Optional.empty();
            }
            return size(uint16le(b, 26) & 0x3FFF, uint16le(b, 28) & 0x3FFF);
        }
        if (startsWith(b, 12, 'V', 'P', '8', 'L')) {
            if ((b[20] & 0xFF) != 0x2F) {
                return Optional.empty();
            }
            long bits = (b[21] & 0xFFL) | (b[22] & 0xFFL) << 8 | (b[23] & 0xFFL) << 16 | (b[24] & 0xFFL) << 24;
            return size((int) (bits & 0x3FFF) + 1, (int) ((bits >> 14) & 0x3FFF) + 1);
        }
        if (startsWith(b, 12, 'V', 'P', '8', 'X')) {
            return size(uint24le(b, 24) + 1, uint24le(b, 27) + 1);
        }
        return Optional.empty();
    }

    private static Optional<ImageSize> jpeg(byte[] b) {
        int orientation = 1;
        int i = 2;
        while (i + 4 <= b.length) {
            if ((b[i] & 0xFF) != 0xFF) {
                return Optional.empty();
            }
            int marker = b[i + 1] & 0xFF;
            if (marker == 0xFF) {
                i++; // fill byte
                continue;
            }
            if (marker == 0xD8 || (marker >= 0xD0 && marker <= 0xD7) || marker == 0x01) {
                i += 2;
                continue;
            }
            if (marker == 0xD9 || marker == 0xDA) {
                return Optional.empty(); // end of image or start of scan before a frame header
            }
            int length = uint16be(b, i + 2);
            if (length < 2) {
                return Optional.empty();
            }
            if (marker == 0xE1 && startsWith(b, i + 4, 'E', 'x', 'i', 'f', 0, 0)) {
                orientation = exifOrientation(b, i + 10, i + 2 + length).orElse(1);
            }
            boolean frame = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
            if (frame) {
                int height = uint16be(b, i + 5);
                int width = uint16be(b, i + 7);
                return orientation >= 5 && orientation <= 8 ? size(height, width) : size(width, height);
            }
            i += 2 + length;
        }
        return Optional.empty();
    }

    /** The orientation tag (0x0112) of IFD0 of the TIFF structure at {@code tiff}, within {@code end}. */
    private static Optional<Integer> exifOrientation(byte[] b, int tiff, int end) {
        boolean little;
        if (startsWith(b, tiff, 'I', 'I')) {
            little = true;
        } else if (startsWith(b, tiff, 'M', 'M')) {
            little = false;
        } else {
            return Optional.empty();
        }
        int ifd = tiff + (int) u32(b, tiff + 4, little);
        if (ifd < tiff || ifd + 2 > end) {
            return Optional.empty();
        }
        int entries = u16(b, ifd, little);
        for (int e = 0; e < entries; e++) {
            int at = ifd + 2 + e * 12;
            if (at + 12 > end) {
                return Optional.empty();
            }
            if (u16(b, at, little) == 0x0112) {
                return Optional.of(u16(b, at + 8, little));
            }
        }
        return Optional.empty();
    }

    private static Optional<ImageSize> size(int width, int height) {
        return width >= 1 && height >= 1 ? Optional.of(new ImageSize(width, height)) : Optional.empty();
    }

    private static boolean startsWith(byte[] b, int at, int... expected) {
        if (at + expected.length > b.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if ((b[at + i] & 0xFF) != expected[i]) {
                return false;
            }
        }
        return true;
    }

    private static int int32be(byte[] b, int at) {
        return (b[at] & 0xFF) << 24 | (b[at + 1] & 0xFF) << 16 | (b[at + 2] & 0xFF) << 8 | (b[at + 3] & 0xFF);
    }

    private static int uint16be(byte[] b, int at) {
        return (b[at] & 0xFF) << 8 | (b[at + 1] & 0xFF);
    }

    private static int uint16le(byte[] b, int at) {
        return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8;
    }

    private static int uint24le(byte[] b, int at) {
        return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8 | (b[at + 2] & 0xFF) << 16;
    }

    private static int u16(byte[] b, int at, boolean little) {
        return little ? uint16le(b, at) : uint16be(b, at);
    }

    private static long u32(byte[] b, int at, boolean little) {
        long v = little
                ? (b[at] & 0xFFL) | (b[at + 1] & 0xFFL) << 8 | (b[at + 2] & 0xFFL) << 16 | (b[at + 3] & 0xFFL) << 24
                : (b[at] & 0xFFL) << 24 | (b[at + 1] & 0xFFL) << 16 | (b[at + 2] & 0xFFL) << 8 | (b[at + 3] & 0xFFL);
        return v;
    }
}

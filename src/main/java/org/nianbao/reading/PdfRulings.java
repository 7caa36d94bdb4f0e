package org.nianbao.reading;

import java.awt.geom.Point2D;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.contentstream.PDFGraphicsStreamEngine;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.PDImage;

/**
 * The ruling lines a page draws: every straight horizontal or vertical stroke, and every filled rectangle thin
 * enough to be a line (Word and WPS draw table borders either way). Coordinates are the page's, with the origin
 * at the top left as for text positions. Curves, images and shaded areas are not lines and are left out.
 */
final class PdfRulings extends PDFGraphicsStreamEngine {

    /** A filled rectangle thinner than this (in points) is a line. */
    private static final float THIN = 2.5f;
    /** A stroke this far from horizontal or vertical (in points over its length) is neither. */
    private static final float SLANT = 1.0f;

    /** A horizontal ({@code horizontal}) or vertical segment: fixed coordinate {@code at}, extent from..to. */
    record Segment(boolean horizontal, float at, float from, float to) {
    }

    private final PDRectangle box;
    private final List<Segment> segments = new ArrayList<>();
    private final List<Point2D.Float[]> path = new ArrayList<>();   // straight pieces of the current path
    private final List<Point2D.Float[]> rectangles = new ArrayList<>();
    private Point2D.Float start;
    private Point2D.Float current;

    private PdfRulings(PDPage page) {
        super(page);
        this.box = page.getCropBox();
    }

    /** The ruling lines of one page. */
    static List<Segment> of(PDPage page) throws IOException {
        PdfRulings engine = new PdfRulings(page);
        engine.processPage(page);
        return engine.segments;
    }

    private Point2D.Float flip(Point2D p) {
        return new Point2D.Float((float) p.getX() - box.getLowerLeftX(), box.getUpperRightY() - (float) p.getY());
    }

    @Override
    public void appendRectangle(Point2D p0, Point2D p1, Point2D p2, Point2D p3) {
        Point2D.Float[] corners = {flip(p0), flip(p1), flip(p2), flip(p3)};
        rectangles.add(corners);
        for (int i = 0; i < 4; i++) {
            path.add(new Point2D.Float[] {corners[i], corners[(i + 1) % 4]});
        }
        start = corners[0];
        current = corners[0];
    }

    @Override
    public void moveTo(float x, float y) {
        start = flip(new Point2D.Float(x, y));
        current = start;
    }

    @Override
    public void lineTo(float x, float y) {
        Point2D.Float to = flip(new Point2D.Float(x, y));
        if (current != null) {
            path.add(new Point2D.Float[] {current, to});
        }
        current = to;
    }

    @Override
    public void curveTo(float x1, float y1, float x2, float y2, float x3, float y3) {
        current = flip(new Point2D.Float(x3, y3)); // a curve is not a ruling line
    }

    @Override
    public Point2D getCurrentPoint() {
        return current == null ? new Point2D.Float() : new Point2D.Float(current.x + box.getLowerLeftX(), box.getUpperRightY() - current.y);
    }

    @Override
    public void closePath() {
        if (current != null && start != null && !current.equals(start)) {
            path.add(new Point2D.Float[] {current, start});
        }
        current = start;
    }

    @Override
    public void endPath() {
        clear();
    }

    @Override
    public void strokePath() {
        for (Point2D.Float[] piece : path) {
            add(piece[0], piece[1]);
        }
        clear();
    }

    @Override
    public void fillPath(int windingRule) {
        for (Point2D.Float[] r : rectangles) {
            float left = Math.min(Math.min(r[0].x, r[1].x), Math.min(r[2].x, r[3].x));
            float right = Math.max(Math.max(r[0].x, r[1].x), Math.max(r[2].x, r[3].x));
            float top = Math.min(Math.min(r[0].y, r[1].y), Math.min(r[2].y, r[3].y));
            float bottom = Math.max(Math.max(r[0].y, r[1].y), Math.max(r[2].y, r[3].y));
            if (bottom - top <= THIN && right - left > THIN) {
                segments.add(new Segment(true, (top + bottom) / 2, left, right));
            } else if (right - left <= THIN && bottom - top > THIN) {
                segments.add(new Segment(false, (left + right) / 2, top, bottom));
            }
        }
        clear();
    }

    @Override
    public void fillAndStrokePath(int windingRule) {
        strokePath();
    }

    @Override
    public void clip(int windingRule) {
        // a clipping path is not drawn; the path itself ends with the next painting or n operator
    }

    @Override
    public void drawImage(PDImage pdImage) {
        // images carry no ruling lines
    }

    @Override
    public void shadingFill(COSName shadingName) {
        // a shaded area is not a line
    }

    @Override
    public void showTextString(byte[] string) {
        // text is read by the text stripper, not here
    }

    @Override
    public void showTextStrings(org.apache.pdfbox.cos.COSArray array) {
        // as above
    }

    private void add(Point2D.Float a, Point2D.Float b) {
        if (Math.abs(a.y - b.y) <= SLANT && Math.abs(a.x - b.x) > SLANT) {
            segments.add(new Segment(true, (a.y + b.y) / 2, Math.min(a.x, b.x), Math.max(a.x, b.x)));
        } else if (Math.abs(a.x - b.x) <= SLANT && Math.abs(a.y - b.y) > SLANT) {
            segments.add(new Segment(false, (a.x + b.x) / 2, Math.min(a.y, b.y), Math.max(a.y, b.y)));
        }
    }

    private void clear() {
        path.clear();
        rectangles.clear();
        start = null;
        current = null;
    }
}

package org.nianbao.report;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * The form a report's facts are kept in between assessments: JSON, as the facts' records name their fields, except
 * that a table cell, an expected row and an expected column are each written as an array of their fields in a fixed
 * order, e.g. {@code ["3","new_received","total",1.0,"1",40]}. Most of a report's facts are its cells, and read back
 * as objects naming every field they took twice the text and twice the time; a dry run reads every kept report's
 * facts. (An assessment's own {@code facts} keep the named fields: this form is only what the store keeps.)
 * <p>
 * This class is part of the facts' version (the classes of this package are hashed into it), so facts kept in an
 * earlier form are drawn again from their report's text, once, rather than read in a form they are not in.
 */
public final class KeptForm {

    private KeptForm() {
    }

    /** {@code base}, with the facts written and read in the kept form. */
    public static ObjectMapper of(ObjectMapper base) {
        return base.rebuild()
                .addMixIn(TableCell.class, CellInOrder.class)
                .addMixIn(ExpectedRow.class, ExpectedRowInOrder.class)
                .addMixIn(ExpectedColumn.class, ExpectedColumnInOrder.class)
                .build();
    }

    @JsonFormat(shape = JsonFormat.Shape.ARRAY)
    @JsonPropertyOrder({"table", "row", "column", "value", "raw", "line"})
    @JsonIgnoreProperties({"blank", "dash"}) // worked out from the value and the raw text, never kept
    @JsonDeserialize(using = CellReader.class)
    private interface CellInOrder {
    }

    /**
     * Reads a kept cell straight into its record. (Jackson makes a record through a general call of its constructor
     * that costs more than reading the cell's six fields: a report has hundreds of cells.)
     */
    static final class CellReader extends ValueDeserializer<TableCell> {

        @Override
        public TableCell deserialize(JsonParser p, DeserializationContext ctxt) {
            if (!p.isExpectedStartArrayToken()) {
                return ctxt.reportInputMismatch(TableCell.class, "a kept cell is an array of its fields");
            }
            String table = text(p, ctxt);
            String row = text(p, ctxt);
            String column = text(p, ctxt);
            JsonToken token = p.nextToken();
            Double value = switch (token) {
                case VALUE_NULL -> null;
                case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> p.getDoubleValue();
                default -> ctxt.readValue(p, Double.class); // e.g. "Infinity", as JSON has no such number
            };
            String raw = text(p, ctxt);
            if (p.nextToken() != JsonToken.VALUE_NUMBER_INT) {
                ctxt.reportInputMismatch(TableCell.class, "a kept cell's line is a whole number");
            }
            int line = p.getIntValue();
            if (p.nextToken() != JsonToken.END_ARRAY) {
                ctxt.reportInputMismatch(TableCell.class, "a kept cell has six fields");
            }
            return new TableCell(table, row, column, value, raw, line);
        }

        private static String text(JsonParser p, DeserializationContext ctxt) {
            String text = p.nextStringValue();
            if (text == null && p.currentToken() != JsonToken.VALUE_NULL) {
                ctxt.reportInputMismatch(String.class, "a kept field is a text here, not %s", p.currentToken());
            }
            return text;
        }
    }

    @JsonFormat(shape = JsonFormat.Shape.ARRAY)
    @JsonPropertyOrder({"table", "row", "label", "group"})
    @JsonDeserialize(using = ExpectedRowReader.class)
    private interface ExpectedRowInOrder {
    }

    @JsonFormat(shape = JsonFormat.Shape.ARRAY)
    @JsonPropertyOrder({"table", "column", "label"})
    @JsonDeserialize(using = ExpectedColumnReader.class)
    private interface ExpectedColumnInOrder {
    }

    static final class ExpectedRowReader extends ValueDeserializer<ExpectedRow> {

        @Override
        public ExpectedRow deserialize(JsonParser p, DeserializationContext ctxt) {
            String[] f = texts(p, ctxt, ExpectedRow.class, 4);
            return new ExpectedRow(f[0], f[1], f[2], f[3]);
        }
    }

    static final class ExpectedColumnReader extends ValueDeserializer<ExpectedColumn> {

        @Override
        public ExpectedColumn deserialize(JsonParser p, DeserializationContext ctxt) {
            String[] f = texts(p, ctxt, ExpectedColumn.class, 3);
            return new ExpectedColumn(f[0], f[1], f[2]);
        }
    }

    /** An array of exactly {@code count} texts (or nulls), the fields of a {@code type} in order. */
    private static String[] texts(JsonParser p, DeserializationContext ctxt, Class<?> type, int count) {
        if (!p.isExpectedStartArrayToken()) {
            ctxt.reportInputMismatch(type, "a kept %s is an array of its fields", type.getSimpleName());
        }
        String[] fields = new String[count];
        for (int i = 0; i < count; i++) {
            fields[i] = CellReader.text(p, ctxt);
        }
        if (p.nextToken() != JsonToken.END_ARRAY) {
            ctxt.reportInputMismatch(type, "a kept %s has %d fields", type.getSimpleName(), count);
        }
        return fields;
    }
}

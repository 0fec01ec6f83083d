package org.mopr.ledger.projection.export;

import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type.Repetition;
import org.apache.parquet.schema.Types;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Parquet with parquet-java's column writer, fed straight from the current row (no record object per row). Strings
 * are UTF-8, integers INT64, dates DATE (days since 1970), instants TIMESTAMP(MICROS, UTC), pages GZIP-compressed
 * by {@link GzipCodecs} so that no Hadoop codec (and no native library) is needed.
 */
final class ParquetTableWriter implements TableWriter {

    private final ParquetWriter<Cells> writer;

    ParquetTableWriter(Table table, Path file) throws IOException {
        MessageType schema = schema(table);
        writer = new Builder(file, new RowSupport(table.fields(), schema))
                .withConf(new PlainParquetConfiguration())
                .withCodecFactory(new GzipCodecs())
                .withCompressionCodec(CompressionCodecName.GZIP)
                .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
                .withDictionaryEncoding(true)
                .build();
    }

    static MessageType schema(Table table) {
        Types.MessageTypeBuilder message = Types.buildMessage();
        for (Field f : table.fields()) {
            Repetition repetition = f.required() ? Repetition.REQUIRED : Repetition.OPTIONAL;
            switch (f.type()) {
                case STRING -> message.primitive(PrimitiveTypeName.BINARY, repetition)
                        .as(LogicalTypeAnnotation.stringType()).named(f.name());
                case INTEGER -> message.primitive(PrimitiveTypeName.INT64, repetition).named(f.name());
                case BOOLEAN -> message.primitive(PrimitiveTypeName.BOOLEAN, repetition).named(f.name());
                case DATE -> message.primitive(PrimitiveTypeName.INT32, repetition)
                        .as(LogicalTypeAnnotation.dateType()).named(f.name());
                case DATETIME -> message.primitive(PrimitiveTypeName.INT64, repetition)
                        .as(LogicalTypeAnnotation.timestampType(true, LogicalTypeAnnotation.TimeUnit.MICROS))
                        .named(f.name());
            }
        }
        return message.named(table.name());
    }

    @Override
    public void write(Cells row) throws IOException {
        try {
            writer.write(row);
        } catch (UncheckedSql e) {
            throw new IOException(e.getCause().getMessage(), e.getCause());
        }
    }

    @Override
    public void close() throws IOException {
        writer.close();
    }

    /** An SQLException out of the row, through parquet-java's write(), which declares only IOException. */
    private static final class UncheckedSql extends RuntimeException {
        UncheckedSql(SQLException cause) {
            super(cause);
        }
    }

    private static final class Builder extends ParquetWriter.Builder<Cells, Builder> {
        private final RowSupport support;

        Builder(Path file, RowSupport support) {
            super(new LocalOutputFile(file));
            this.support = support;
        }

        @Override
        protected Builder self() {
            return this;
        }

        @Override
        protected WriteSupport<Cells> getWriteSupport(org.apache.hadoop.conf.Configuration conf) {
            // Never called: the builder is given a ParquetConfiguration. Hadoop is not on the runtime class path.
            throw new UnsupportedOperationException("Hadoop configuration is not supported");
        }

        @Override
        protected WriteSupport<Cells> getWriteSupport(ParquetConfiguration conf) {
            return support;
        }
    }

    /** Turns the current row into the record consumer's calls, column by column. */
    private static final class RowSupport extends WriteSupport<Cells> {
        private final Field[] fields;
        private final MessageType schema;
        private RecordConsumer out;

        RowSupport(List<Field> fields, MessageType schema) {
            this.fields = fields.toArray(Field[]::new);
            this.schema = schema;
        }

        @Override
        public WriteContext init(org.apache.hadoop.conf.Configuration configuration) {
            throw new UnsupportedOperationException("Hadoop configuration is not supported");
        }

        @Override
        public WriteContext init(ParquetConfiguration configuration) {
            return new WriteContext(schema, Map.of());
        }

        @Override
        public void prepareForWrite(RecordConsumer recordConsumer) {
            out = recordConsumer;
        }

        @Override
        public void write(Cells row) {
            try {
                out.startMessage();
                for (int c = 0; c < fields.length; c++) {
                    column(row, c);
                }
                out.endMessage();
            } catch (SQLException e) {
                throw new UncheckedSql(e);
            }
        }

        private void column(Cells row, int c) throws SQLException {
            Field f = fields[c];
            switch (f.type()) {
                case INTEGER -> {
                    long v = row.integer(c);
                    if (!row.wasNull()) {
                        out.startField(f.name(), c);
                        out.addLong(v);
                        out.endField(f.name(), c);
                    }
                }
                case BOOLEAN -> {
                    boolean v = row.bool(c);
                    if (!row.wasNull()) {
                        out.startField(f.name(), c);
                        out.addBoolean(v);
                        out.endField(f.name(), c);
                    }
                }
                case STRING -> {
                    String v = row.text(c);
                    if (v != null) {
                        out.startField(f.name(), c);
                        out.addBinary(Binary.fromString(v));
                        out.endField(f.name(), c);
                    }
                }
                case DATE -> {
                    String v = row.text(c);
                    if (v != null) {
                        out.startField(f.name(), c);
                        out.addInteger(epochDay(v));
                        out.endField(f.name(), c);
                    }
                }
                case DATETIME -> {
                    String v = row.text(c);
                    if (v != null) {
                        Instant t = Instant.parse(v);
                        out.startField(f.name(), c);
                        out.addLong(Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000L), t.getNano() / 1000));
                        out.endField(f.name(), c);
                    }
                }
            }
        }
    }

    /** Days since 1970-01-01 of an ISO day "yyyy-mm-dd", without a LocalDate per row. */
    static int epochDay(String iso) {
        if (iso.length() != 10 || iso.charAt(4) != '-' || iso.charAt(7) != '-') {
            throw new UncheckedIOException(new IOException("not an ISO day: '" + iso + "'"));
        }
        int y = Integer.parseInt(iso, 0, 4, 10);
        int m = Integer.parseInt(iso, 5, 7, 10);
        int d = Integer.parseInt(iso, 8, 10, 10);
        // Howard Hinnant's days_from_civil, as java.time does it.
        y -= m <= 2 ? 1 : 0;
        int era = (y >= 0 ? y : y - 399) / 400;
        int yoe = y - era * 400;
        int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
        int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return era * 146097 + doe - 719468;
    }
}

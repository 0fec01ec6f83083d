package org.mopr.ledger.api.axon;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.statements.AppendEventsStatementBuilder;
import org.axonframework.eventsourcing.eventstore.jdbc.statements.JdbcEventStorageEngineStatements;
import org.axonframework.eventsourcing.eventstore.jdbc.statements.TimestampWriter;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;

/**
 * Appends a unit of work's events with one binary {@code COPY ... FROM STDIN} instead of a batch of INSERTs: the
 * same columns and bytes as Axon's default statement, in the same transaction, but the driver does not bind
 * every parameter of every row and the server does not execute an INSERT per row (ledger-api/BENCHMARK.md).
 * Axon runs {@code executeBatch()} on what this returns and hands its {@link SQLException} to the persistence
 * exception resolver, so the COPY runs there: a second writer of (aggregate, sequence) still fails with SQL state
 * 23505 and becomes Axon's ConcurrencyException. Anything this does not know how to copy (events that are not
 * domain events, a non-binary payload column, a non-PostgreSQL connection) takes Axon's default statement.
 */
final class CopyAppendEvents implements AppendEventsStatementBuilder {

    private static final byte[] HEADER = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0, 0, 0, 0, 0, 0, 0, 0, 0};
    private static final short FIELDS = 9;
    /** Small enough to start the server early, large enough that a send is not a system call per row. */
    private static final int CHUNK_BYTES = 64 * 1024;

    @Override
    public PreparedStatement build(Connection connection, EventSchema schema, Class<?> dataType,
                                   List<? extends EventMessage<?>> events, Serializer serializer,
                                   TimestampWriter timestampWriter) throws SQLException {
        if (dataType != byte[].class || !connection.isWrapperFor(PGConnection.class)
                || !events.stream().allMatch(e -> e instanceof DomainEventMessage<?>)) {
            return JdbcEventStorageEngineStatements.appendEvents(connection, schema, dataType, events, serializer,
                    timestampWriter);
        }
        String sql = "COPY " + schema.domainEventTable() + " (" + schema.domainEventFields() + ") FROM STDIN (FORMAT binary)";
        PGConnection pg = connection.unwrap(PGConnection.class);
        return (PreparedStatement) Proxy.newProxyInstance(PreparedStatement.class.getClassLoader(),
                new Class<?>[]{PreparedStatement.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "executeBatch" -> {
                        copy(pg.getCopyAPI().copyIn(sql), events, serializer);
                        int[] counts = new int[events.size()];
                        Arrays.fill(counts, 1);
                        yield counts;
                    }
                    case "close" -> null;
                    case "isClosed" -> false;
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    case "toString" -> sql;
                    default -> throw new SQLException("the COPY append supports executeBatch and close only, not "
                            + method.getName());
                });
    }

    /**
     * Encodes and sends the rows a chunk at a time, so PostgreSQL (another process, so another core) parses and
     * indexes the rows already sent while this thread serializes the next ones: the writer's Java work overlaps
     * the server's instead of preceding it. A chunk is bounded; only the whole COPY commits, with the transaction.
     */
    private static void copy(CopyIn copy, List<? extends EventMessage<?>> events, Serializer serializer) throws SQLException {
        Chunk out = new Chunk();
        try {
            RowValues values = new RowValues(serializer);
            out.write(HEADER);
            for (EventMessage<?> message : events) {
                row(out, (DomainEventMessage<?>) message, serializer, values);
                if (out.size() >= CHUNK_BYTES) {
                    send(copy, out);
                }
            }
            out.writeShort(-1);
            send(copy, out);
            copy.endCopy();
        } catch (RuntimeException | SQLException e) {
            if (copy.isActive()) {
                try {
                    copy.cancelCopy();
                } catch (SQLException cancel) {
                    // The first failure is the one that says what went wrong (a duplicate key is 23505).
                    e.addSuppressed(cancel);
                }
            }
            if (e instanceof SQLException sql) {
                throw sql;
            }
            throw new SQLException("COPY of " + events.size() + " events failed: " + e.getMessage(), e);
        }
    }

    private static void send(CopyIn copy, Chunk chunk) throws SQLException {
        copy.writeToCopy(chunk.buffer(), 0, chunk.size());
        chunk.reset();
    }

    /**
     * A reusable buffer whose bytes go to the driver without a copy, written in the binary COPY format's big-endian
     * order. Not a DataOutputStream over a ByteArrayOutputStream: both lock on every write, a sixth of the encoding.
     */
    private static final class Chunk {
        private byte[] buf = new byte[CHUNK_BYTES + 4096];
        private int size;

        byte[] buffer() {
            return buf;
        }

        int size() {
            return size;
        }

        void reset() {
            size = 0;
        }

        private void room(int n) {
            if (size + n > buf.length) {
                buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + n));
            }
        }

        void write(byte[] bytes) {
            write(bytes, 0, bytes.length);
        }

        void write(byte[] bytes, int from, int length) {
            room(length);
            System.arraycopy(bytes, from, buf, size, length);
            size += length;
        }

        void writeShort(int v) {
            room(2);
            buf[size++] = (byte) (v >>> 8);
            buf[size++] = (byte) v;
        }

        void writeInt(int v) {
            room(4);
            buf[size++] = (byte) (v >>> 24);
            buf[size++] = (byte) (v >>> 16);
            buf[size++] = (byte) (v >>> 8);
            buf[size++] = (byte) v;
        }

        void writeLong(long v) {
            writeInt((int) (v >>> 32));
            writeInt((int) v);
        }
    }

    /** A row in the order of EventSchema.domainEventFields(): the same values Axon's default statement binds. */
    private static void row(Chunk out, DomainEventMessage<?> event, Serializer serializer, RowValues values) {
        SerializedObject<byte[]> payload = event.serializePayload(serializer, byte[].class);
        out.writeShort(FIELDS);
        text(out, event.getIdentifier());
        text(out, event.getAggregateIdentifier());
        out.writeInt(8);
        out.writeLong(event.getSequenceNumber());
        text(out, event.getType());
        // The default TimestampWriter of a VARCHAR column writes DateTimeUtils.formatInstant's form.
        int timestamp = values.timestamp(event.getTimestamp());
        out.writeInt(timestamp);
        out.write(values.timestampBytes(), 0, timestamp);
        text(out, payload.getType().getName());
        text(out, payload.getType().getRevision());
        raw(out, payload.getData());
        raw(out, values.metaData(event.getMetaData()));
    }

    private static void text(Chunk out, String value) {
        raw(out, value == null ? null : value.getBytes(StandardCharsets.UTF_8));
    }

    private static void raw(Chunk out, byte[] value) {
        if (value == null) {
            out.writeInt(-1);
            return;
        }
        out.writeInt(value.length);
        out.write(value);
    }
}

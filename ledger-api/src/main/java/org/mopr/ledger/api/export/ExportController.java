package org.mopr.ledger.api.export;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.mopr.ledger.api.web.ApiProblem;
import org.mopr.ledger.projection.export.ExportFormat;
import org.mopr.ledger.projection.export.ExportResult;
import org.mopr.ledger.shared.DomainException;
import org.mopr.ledger.simulation.run.RunRegistry.RunRecord;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * {@code GET /api/runs/{id}/export?format=csv|parquet}: the run's export as one zip, for small runs. The export is
 * made whole in a temporary directory first, so a failure is a problem answer, never a truncated zip; a run above
 * the limits is refused with 413 before anything is written (or once its files prove too large).
 */
@RestController
@Tag(name = "export", description = "A run's tidy tables as a zip")
@RequestMapping("/api/runs")
public class ExportController {

    private final ExportService exports;
    private final long maxEvents;
    private final long maxBytes;

    public ExportController(ExportService exports, @Value("${mopr.export.api-max-events}") long maxEvents,
                            @Value("${mopr.export.api-max-bytes}") long maxBytes) {
        this.exports = exports;
        this.maxEvents = maxEvents;
        this.maxBytes = maxBytes;
    }

    // No 'produces': the API's content negotiation reads ?format= as a media type (csv, json), which here names the
    // format of the files inside the zip; the zip is written as is, with its own content type.
    @GetMapping("/{id}/export")
    @Operation(summary = "The run's tidy tables and datapackage.json as a zip (small runs only: larger ones answer 413; "
            + "use the 'export' command)")
    @ApiResponse(responseCode = "200", description = "A zip of the tables and datapackage.json",
            content = @Content(mediaType = "application/zip", schema = @Schema(type = "string", format = "binary")))
    public ResponseEntity<StreamingResponseBody> export(
            @PathVariable String id,
            @Parameter(description = "File format of the tables", example = "parquet",
                    schema = @Schema(allowableValues = {"csv", "parquet"}, defaultValue = "csv"))
            @RequestParam(defaultValue = "csv") String format) {
        ExportFormat chosen = ExportFormat.parse(format);
        RunRecord run;
        try {
            run = exports.exportable(id);
        } catch (DomainException e) {
            if (e.getMessage().startsWith("unknown run")) {
                throw new ApiProblem(HttpStatus.NOT_FOUND, "unknown-run", "Unknown run", e.getMessage());
            }
            throw new ApiProblem(HttpStatus.CONFLICT, "run-not-complete", "Run not complete", e.getMessage());
        }
        if (run.events() > maxEvents) {
            throw tooLarge(id, run.events() + " events, above the API's limit of " + maxEvents);
        }
        Path dir;
        ExportResult result;
        try {
            dir = Files.createTempDirectory("mopr-export-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make a temporary directory for the export", e);
        }
        try {
            result = exports.export(id, chosen, dir, line -> { });
        } catch (RuntimeException e) {
            delete(dir);
            throw e;
        }
        if (result.bytes() > maxBytes) {
            delete(dir);
            throw tooLarge(id, result.bytes() + " bytes, above the API's limit of " + maxBytes);
        }
        StreamingResponseBody body = out -> {
            try (ZipOutputStream zip = new ZipOutputStream(out); Stream<Path> files = Files.list(dir)) {
                List<Path> sorted = files.sorted(Comparator.comparing(Path::toString)).toList();
                for (Path file : sorted) {
                    zip.putNextEntry(new ZipEntry(file.getFileName().toString()));
                    Files.copy(file, zip);
                    zip.closeEntry();
                }
            } finally {
                delete(dir);
            }
        };
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/zip"))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"" + id + "-" + chosen.extension() + ".zip\"")
                .body(body);
    }

    private static ApiProblem tooLarge(String id, String why) {
        return new ApiProblem(HttpStatus.PAYLOAD_TOO_LARGE, "export-too-large", "Export too large",
                "run '" + id + "' is too large to export through the API (" + why + "): use 'mopr-ledger export --run "
                        + id + " --format csv|parquet --out DIR'");
    }

    private static void delete(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A leftover temporary directory is harmless and the OS clears it.
        }
    }
}

package se.kvinnohalsa.gateway.followup;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The follow-up in each format: JSON (the model), HTML (Qute), PDF (from the HTML), XLSX (POI). */
@ApplicationScoped
public class FollowUpDocuments {

    @CheckedTemplate(basePath = "followup")
    static class Templates {
        static native TemplateInstance report(FollowUpReport report, FollowUpCharts charts);
    }

    @Inject
    ObjectMapper mapper;

    public byte[] render(FollowUpReport report, Format format) {
        return switch (format) {
            case JSON -> json(report);
            case HTML -> html(report).getBytes(StandardCharsets.UTF_8);
            case PDF -> PdfDocument.render(html(report), "Uppföljning av överenskommelsen " + report.year(),
                    report.dataAsOf());
            case XLSX -> XlsxDocument.render(report);
        };
    }

    private String html(FollowUpReport report) {
        return Templates.report(report, FollowUpCharts.of(report)).render();
    }

    private byte[] json(FollowUpReport report) {
        try {
            return mapper.writeValueAsBytes(report);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}

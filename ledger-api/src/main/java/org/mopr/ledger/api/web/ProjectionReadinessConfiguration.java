package org.mopr.ledger.api.web;

import org.mopr.ledger.api.projection.ProjectionReadiness;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Puts {@link ProjectionReadinessInterceptor} in front of every read under /api but the run registry and the catalog. */
@Configuration(proxyBeanMethods = false)
public class ProjectionReadinessConfiguration implements WebMvcConfigurer {

    private final ProjectionReadiness readiness;
    private final RunViews runs;

    public ProjectionReadinessConfiguration(ProjectionReadiness readiness, RunViews runs) {
        this.readiness = readiness;
        this.runs = runs;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new ProjectionReadinessInterceptor(readiness, runs))
                .addPathPatterns("/api/**")
                .excludePathPatterns("/api/runs", "/api/runs/**", "/api/catalog", "/api/catalog/**", "/api/ensembles",
                        "/api/ensembles/**");
    }
}

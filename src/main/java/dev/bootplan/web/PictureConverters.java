package dev.bootplan.web;

import dev.bootplan.advice.Advice;
import dev.bootplan.report.Comparison;
import dev.bootplan.report.Report;
import dev.bootplan.service.PictureService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;

/** Reports and comparisons as SVG and HTML, chosen by the request's Accept header. */
@Configuration(proxyBeanMethods = false)
class PictureConverters {

    @Bean
    HttpMessageConverter<Report> reportSvgConverter(PictureService pictures) {
        return new PictureConverter<>(Report.class, PictureConverter.SVG_TYPE, pictures::timelineSvg);
    }

    @Bean
    HttpMessageConverter<Report> reportHtmlConverter(PictureService pictures) {
        return new PictureConverter<>(Report.class, MediaType.TEXT_HTML, pictures::reportPage);
    }

    @Bean
    HttpMessageConverter<Comparison> comparisonSvgConverter(PictureService pictures) {
        return new PictureConverter<>(Comparison.class, PictureConverter.SVG_TYPE, pictures::comparisonSvg);
    }

    @Bean
    HttpMessageConverter<Comparison> comparisonHtmlConverter(PictureService pictures) {
        return new PictureConverter<>(Comparison.class, MediaType.TEXT_HTML, pictures::comparisonPage);
    }

    @Bean
    HttpMessageConverter<Advice> adviceSvgConverter(PictureService pictures) {
        return new PictureConverter<>(Advice.class, PictureConverter.SVG_TYPE, pictures::adviceSvg);
    }

    @Bean
    HttpMessageConverter<Advice> adviceHtmlConverter(PictureService pictures) {
        return new PictureConverter<>(Advice.class, MediaType.TEXT_HTML, pictures::advicePage);
    }
}

package org.nianbao;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The web service: REST API over the assessment flow, assessments stored in H2. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class NianbaoApplication {
}

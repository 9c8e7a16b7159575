package dev.tandem.server.database;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code tandem.*}: one database per app.
 *
 * <pre>
 * tandem.operations.datasource.url / username / password
 * tandem.finance.datasource.url / username / password
 * </pre>
 *
 * Relaxed binding accepts the environment variables {@code TANDEM_OPERATIONS_DATASOURCE_URL} and so on. Without a
 * url an app uses the embedded default, an H2 file under {@code ./data/} ({@link AppDataSources}).
 *
 * @param operations settings of the Project Operations app
 * @param finance    settings of the Finance app
 */
@ConfigurationProperties("tandem")
public record TandemProperties(@DefaultValue AppSettings operations, @DefaultValue AppSettings finance) {

    /** @param datasource connection settings of the app's database */
    public record AppSettings(@DefaultValue DataSourceSettings datasource) {
    }

    /**
     * JDBC connection settings; all optional.
     *
     * @param url      JDBC URL, e.g. {@code jdbc:postgresql://db:5432/operations}; none means the H2 default
     * @param username database user
     * @param password database password, never printed by {@link #toString()}
     */
    public record DataSourceSettings(String url, String username, String password) {

        /** True when a url is configured, i.e. the embedded default is not wanted. */
        public boolean hasUrl() {
            return url != null && !url.isBlank();
        }

        @Override
        public String toString() {
            return "DataSourceSettings[url=" + url + ", username=" + username + ", password="
                    + (password == null || password.isEmpty() ? "<none>" : "<set>") + "]";
        }
    }
}

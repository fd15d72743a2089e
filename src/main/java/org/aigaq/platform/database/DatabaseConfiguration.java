package org.aigaq.platform.database;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.StringUtils;

/** Connects Aigaq to its database: the external one named by {@code AIGAQ_DB_URL}, or else the embedded one. */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    @Bean(destroyMethod = "close")
    DatabaseServer databaseServer(@Value("${aigaq.home}") Path home,
                                  @Value("${aigaq.db.url:}") String url,
                                  @Value("${aigaq.db.user:}") String user,
                                  @Value("${aigaq.db.password:}") String password,
                                  @Value("${aigaq.db.shared-buffers:" + EmbeddedDatabase.DEFAULT_SHARED_BUFFERS + "}") String sharedBuffers) {
        if (StringUtils.hasText(url)) {
            return new DatabaseServer(url, user, password, null);
        }
        EmbeddedDatabase embedded = EmbeddedDatabase.start(home, sharedBuffers.strip());
        return new DatabaseServer(embedded.jdbcUrl(), embedded.user(), embedded.password(), embedded);
    }

    @Bean(destroyMethod = "close")
    DataSource dataSource(DatabaseServer server) {
        var config = new HikariConfig();
        config.setJdbcUrl(server.url());
        if (StringUtils.hasText(server.user())) {
            config.setUsername(server.user());
        }
        if (StringUtils.hasText(server.password())) {
            config.setPassword(server.password());
        }
        config.setPoolName("aigaq");
        config.setMaximumPoolSize(10);
        return new HikariDataSource(config);
    }
}

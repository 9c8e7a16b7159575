package dev.tandem.server.database;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.beans.factory.annotation.Qualifier;

/**
 * Qualifies a bean of the Finance app's database: its {@code DataSource}, {@code JdbcTemplate}, {@code JdbcClient},
 * transaction manager and {@code TransactionTemplate}. The beans are also named {@code financeDataSource},
 * {@code financeJdbcTemplate}, and so on.
 */
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Qualifier
public @interface FinanceDatabase {
}

package io.redline;

import io.dropwizard.assets.AssetsBundle;
import io.dropwizard.configuration.EnvironmentVariableSubstitutor;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.core.Application;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.db.ManagedDataSource;
import io.dropwizard.jdbi3.JdbiFactory;
import io.dropwizard.migrations.MigrationsBundle;
import io.redline.api.StrictJson;
import io.redline.cli.CompactCommand;
import io.redline.cli.EvaluateCommand;
import io.redline.cli.LoadCommand;
import io.redline.cli.PostCommand;
import io.redline.health.DeliveryLagCheck;
import io.redline.health.DiskSpaceCheck;
import io.redline.health.StoreWriteCheck;
import io.redline.ingest.BulkIngest;
import io.redline.ingest.InputLimits;
import io.redline.read.Feeds;
import io.redline.resources.ApiDescription;
import io.redline.resources.ArticleResource;
import io.redline.resources.BulkResource;
import io.redline.resources.CheckResource;
import io.redline.resources.DatabaseErrorMappers;
import io.redline.resources.DiffResource;
import io.redline.resources.FeedResource;
import io.redline.resources.ErrorMappers;
import io.redline.resources.JsonErrorHandler;
import io.redline.resources.PageResource;
import io.redline.resources.RequestBoundsFilter;
import io.redline.resources.StatsResource;
import io.redline.resources.StoryResource;
import io.redline.resources.SubscriptionResource;
import io.redline.security.ApiKeys;
import io.redline.security.Refusal;
import io.redline.security.SecurityFilters;
import jakarta.servlet.DispatcherType;
import io.redline.watch.EventBodies;
import io.redline.watch.Subscriptions;
import io.redline.watch.WebhookSender;
import org.jdbi.v3.core.Jdbi;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.EnumSet;
import java.util.concurrent.ExecutorService;

/** Wires Redline together: database, core components, resources, health checks, commands. */
public class RedlineApplication extends Application<RedlineConfiguration> {
    public static void main(String[] args) throws Exception {
        new RedlineApplication().run(args);
    }

    @Override
    public String getName() {
        return "redline";
    }

    @Override
    public void initialize(Bootstrap<RedlineConfiguration> bootstrap) {
        StrictJson.configure(bootstrap.getObjectMapper());
        // ${NAME} in config.yml is read from the environment, so API keys need not sit in the file; strict: an
        // unset variable stops the start instead of becoming a literal key
        bootstrap.setConfigurationSourceProvider(new SubstitutingSourceProvider(
                bootstrap.getConfigurationSourceProvider(), new EnvironmentVariableSubstitutor(true)));
        bootstrap.addBundle(new MigrationsBundle<>() {
            @Override
            public DataSourceFactory getDataSourceFactory(RedlineConfiguration configuration) {
                return configuration.getDatabase();
            }
        });
        bootstrap.addBundle(new AssetsBundle("/assets", "/ui", "index.html", "ui"));
        bootstrap.addCommand(new LoadCommand());
        bootstrap.addCommand(new EvaluateCommand());
        bootstrap.addCommand(new PostCommand());
        bootstrap.addCommand(new CompactCommand());
    }

    @Override
    public void run(RedlineConfiguration config, Environment environment) {
        ApiKeys keys = config.getSecurity().buildApiKeys(config.getServerFactory());
        SecurityFilters.install(environment, keys);
        ManagedDataSource dataSource = config.getDatabase().build(environment.metrics(), "database");
        Jdbi jdbi = new JdbiFactory().build(environment, config.getDatabase(), dataSource, "database");
        Components components = RedlineStartup.open(config, dataSource, jdbi, environment.metrics());

        InputLimits limits = config.buildInputLimits();
        environment.servlets().addFilter("request-bounds", new RequestBoundsFilter(limits, new Refusal(environment.getObjectMapper())))
                .addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), true, "/*");
        environment.jersey().register(new ArticleResource(components.ingestor(), components.catalog(), components.checker()));
        int cores = Runtime.getRuntime().availableProcessors();
        ExecutorService preparers = environment.lifecycle().executorService("bulk-prepare-%d")
                .minThreads(cores).maxThreads(cores).build();
        environment.jersey().register(new BulkResource(
                new BulkIngest(components.ingestor(), environment.getObjectMapper(), limits, preparers, cores,
                        config.getIngest().buildBatch()),
                environment.getObjectMapper()));
        environment.jersey().register(new CheckResource(components.checker()));
        Feeds feeds = new Feeds(components.store(), components.history(), config.getWatch().getBaseUrl());
        environment.jersey().register(new StoryResource(components.catalog(), components.history(), feeds));
        environment.jersey().register(new DiffResource(components.history()));
        environment.jersey().register(new StatsResource(components.catalog()));
        environment.jersey().register(new PageResource());
        WatchFactory watch = config.getWatch();
        environment.jersey().register(new SubscriptionResource(new Subscriptions(components.store(),
                watch.buildTargetPolicy(), watch.getMaxSubscriptions(), Clock.systemUTC())));
        environment.jersey().register(new FeedResource(feeds));
        environment.jersey().register(ApiDescription.resource());
        environment.lifecycle().manage(new WebhookSender(components.store(),
                new EventBodies(components.history(), watch.getBaseUrl()), environment.getObjectMapper(),
                watch.buildTargetPolicy(), watch.buildSettings(), Clock.systemUTC(), new SecureRandom(),
                environment.metrics()));
        JsonErrorHandler errors = new JsonErrorHandler(environment.getObjectMapper());
        environment.getApplicationContext().setErrorHandler(JsonErrorHandler.forServlets(environment.getObjectMapper()));
        environment.lifecycle().addServerLifecycleListener(server -> server.setErrorHandler(errors));
        for (Object mapper : ErrorMappers.all()) {
            environment.jersey().register(mapper);
        }
        for (Object mapper : DatabaseErrorMappers.all(environment.metrics())) {
            environment.jersey().register(mapper);
        }
        environment.healthChecks().register(StoreWriteCheck.NAME,
                new StoreWriteCheck(jdbi, Clock.systemUTC(), StoreWriteCheck.DEFAULT_TIMEOUT,
                        environment.getHealthCheckExecutorService()));
        environment.healthChecks().register(DeliveryLagCheck.NAME,
                new DeliveryLagCheck(components.store(), watch.getMaxLag(), Clock.systemUTC(),
                        environment.getHealthCheckExecutorService()));
        DiskSpaceCheck.h2Directory(config.getDatabase().getUrl()).ifPresent(dir ->
                environment.healthChecks().register(DiskSpaceCheck.NAME, new DiskSpaceCheck(dir)));
    }
}

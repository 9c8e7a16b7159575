package dev.tandem.server;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code tandem serve}: starts the web server with the API, prints its URL and runs until stopped (Ctrl-C or
 * SIGTERM, which close the application cleanly through Spring's shutdown hook).
 */
@Command(name = "serve", mixinStandardHelpOptions = true, versionProvider = TandemVersion.class,
        description = {"Start the web server and the REST API.",
                "Listens on http://127.0.0.1:8080; both databases are H2 files under ./data/.",
                "Other databases: tandem.operations.datasource.* and tandem.finance.datasource.*;",
                "other address: server.port, server.address (also as environment variables)."})
final class ServeCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--port", paramLabel = "PORT", description = "TCP port to listen on (default: 8080).")
    private Integer port;

    @Override
    public Integer call() throws InterruptedException {
        List<String> springArguments = new ArrayList<>();
        if (port != null) {
            springArguments.add("--server.port=" + port);
        }
        ConfigurableApplicationContext context =
                new SpringApplication(TandemApplication.class).run(springArguments.toArray(String[]::new));
        CountDownLatch closed = new CountDownLatch(1);
        context.addApplicationListener((ApplicationListener<?>) event -> {
            if (event instanceof ContextClosedEvent) {
                closed.countDown();
            }
        });
        if (!context.isActive()) {
            return 0;
        }
        String url = url(context);
        spec.commandLine().getOut().println("Tandem is serving at " + url + " (Ctrl-C stops it).");
        spec.commandLine().getOut().println("Open " + url + "/ in a browser and sign in: on the first start as 'admin' "
                + "with the password printed above, afterwards as a user created with 'tandem users add' (docs/web-ui.md). "
                + "The REST API is under " + url + "/api (docs/api.md).");
        spec.commandLine().getOut().flush();
        // picocli's caller exits the JVM when this returns, so stay here for as long as the server runs.
        closed.await();
        return 0;
    }

    private static String url(ConfigurableApplicationContext context) {
        String host = context.getEnvironment().getProperty("server.address", "localhost");
        if (host.contains(":")) {
            host = "[" + host + "]";
        }
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        return "http://" + host + ":" + port;
    }
}

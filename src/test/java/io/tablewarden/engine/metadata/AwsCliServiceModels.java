package io.tablewarden.engine.metadata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * The service models the installed AWS CLI itself reads: botocore's {@code data/<service>/<api version>/service-2.json}
 * (gzipped in newer releases) and {@code waiters-2.json}. AWS CLI v1 and pip installs keep them in the {@code botocore}
 * package; AWS CLI v2 (the official installer and Debian's {@code awscli} package) in {@code awscli/botocore/data}.
 * The folder is found from the Python of the {@code aws} command on the PATH, then from {@code python3}, then in the
 * usual install locations; {@code TABLEWARDEN_AWSCLI_DATA} names it outright.
 */
final class AwsCliServiceModels {

    /** Names the botocore {@code data} folder to use, ahead of any search. */
    static final String DATA_VARIABLE = "TABLEWARDEN_AWSCLI_DATA";

    private static final List<String> KNOWN_LOCATIONS = List.of(
            "/usr/lib/python3/dist-packages/awscli/botocore/data",
            "/usr/local/aws-cli/v2/current/dist/awscli/botocore/data",
            "/usr/lib/python3/dist-packages/botocore/data");
    private static final String FIND_DATA = String.join("\n",
            "import os",
            "for name in ('awscli.botocore', 'botocore', 'awscli'):",
            "    try:",
            "        module = __import__(name, fromlist=['_'])",
            "    except Exception:",
            "        continue",
            "    base = os.path.dirname(module.__file__)",
            "    for data in (os.path.join(base, 'data'), os.path.join(base, 'botocore', 'data')):",
            "        if os.path.isdir(os.path.join(data, 'dynamodb')):",
            "            print(data)");
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One operation as the CLI offers it.
     *
     * @param name     the model's operation name, e.g. UpdateTable
     * @param flags    the CLI flags of its input members (kebab case), each mapped to whether it is a boolean
     * @param required the flags of the members the model marks required
     */
    record Operation(String name, Map<String, Boolean> flags, Set<String> required) {
    }

    /** One service's operations and waiters, keyed by their CLI spelling. */
    record Service(String name, Path model, Map<String, Operation> operations, Map<String, Operation> waiters) {
    }

    private final Path data;
    private final Map<String, Optional<Service>> services = new LinkedHashMap<>();

    private AwsCliServiceModels(Path data) {
        this.data = data;
    }

    /** The models of the installed AWS CLI, or empty when none is found. */
    static Optional<AwsCliServiceModels> find() {
        return candidates().stream().filter(AwsCliServiceModels::isData).findFirst().map(AwsCliServiceModels::new);
    }

    /** The folder the models come from. */
    Path data() {
        return data;
    }

    /** The service's latest API version, or empty when the CLI does not know it. */
    synchronized Optional<Service> service(String name) {
        return services.computeIfAbsent(name, this::load);
    }

    /** Where to look, in order. */
    static List<Path> candidates() {
        Set<Path> out = new LinkedHashSet<>();
        String given = System.getenv(DATA_VARIABLE);
        if (given != null && !given.isBlank()) {
            out.add(Path.of(given));
        }
        List<String> pythons = new ArrayList<>();
        awsInterpreter().ifPresent(pythons::add);
        pythons.add("python3");
        for (String python : pythons) {
            for (String line : run(List.of(python, "-c", FIND_DATA))) {
                if (!line.isBlank()) {
                    out.add(Path.of(line.strip()));
                }
            }
        }
        KNOWN_LOCATIONS.forEach(location -> out.add(Path.of(location)));
        return new ArrayList<>(out);
    }

    /** A botocore data folder: DynamoDB's service model is in one of its API version folders. */
    private static boolean isData(Path folder) {
        Path dynamodb = folder.resolve("dynamodb");
        if (!Files.isDirectory(dynamodb)) {
            return false;
        }
        try (Stream<Path> versions = Files.list(dynamodb)) {
            return versions.anyMatch(v -> model(v, "service-2").isPresent());
        } catch (IOException e) {
            return false;
        }
    }

    /** The interpreter of the {@code aws} script on the PATH, when its first line names a Python. */
    private static Optional<String> awsInterpreter() {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(":")) {
            Path aws = Path.of(dir.isEmpty() ? "." : dir, "aws");
            if (Files.isRegularFile(aws) && Files.isExecutable(aws)) {
                try (InputStream in = Files.newInputStream(aws)) {
                    String first = new String(in.readNBytes(200), StandardCharsets.UTF_8).split("\n", 2)[0];
                    if (first.startsWith("#!") && first.contains("python")) {
                        String[] words = first.substring(2).strip().split("\\s+");
                        return Optional.of(words[0].endsWith("/env") && words.length > 1 ? words[1] : words[0]);
                    }
                } catch (IOException e) {
                    return Optional.empty();
                }
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static List<String> run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(false).start();
            process.getOutputStream().close();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return List.of();
            }
            return process.exitValue() == 0 ? List.of(out.split("\n")) : List.of();
        } catch (IOException e) {
            return List.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        }
    }

    private Optional<Service> load(String name) {
        Path folder = data.resolve(name);
        if (!Files.isDirectory(folder)) {
            return Optional.empty();
        }
        Path version;
        try (Stream<Path> versions = Files.list(folder)) {
            version = versions.filter(v -> model(v, "service-2").isPresent()).max(Path::compareTo).orElse(null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (version == null) {
            return Optional.empty();
        }
        Path serviceModel = model(version, "service-2").orElseThrow();
        JsonNode model = read(serviceModel);
        Map<String, Operation> operations = new LinkedHashMap<>();
        model.path("operations").fields().forEachRemaining(op -> operations.put(AwsCliModel.kebab(op.getKey()),
                operation(op.getKey(), op.getValue(), model)));
        Map<String, Operation> waiters = new LinkedHashMap<>();
        Optional<Path> waiterModel = model(version, "waiters-2");
        if (waiterModel.isPresent()) {
            read(waiterModel.get()).path("waiters").fields().forEachRemaining(w -> {
                String operation = w.getValue().path("operation").asText();
                JsonNode op = model.path("operations").path(operation);
                if (!op.isMissingNode()) {
                    waiters.put(AwsCliModel.kebab(w.getKey()), operation(operation, op, model));
                }
            });
        }
        return Optional.of(new Service(name, serviceModel, operations, waiters));
    }

    private static Operation operation(String name, JsonNode op, JsonNode model) {
        Map<String, Boolean> flags = new LinkedHashMap<>();
        Set<String> required = new LinkedHashSet<>();
        String input = op.path("input").path("shape").asText(null);
        if (input != null) {
            JsonNode shape = model.path("shapes").path(input);
            shape.path("members").fields().forEachRemaining(m -> {
                String type = model.path("shapes").path(m.getValue().path("shape").asText()).path("type").asText();
                flags.put(AwsCliModel.kebab(m.getKey()), type.equals("boolean"));
            });
            shape.path("required").forEach(r -> required.add(AwsCliModel.kebab(r.asText())));
        }
        return new Operation(name, flags, required);
    }

    private static Optional<Path> model(Path version, String stem) {
        for (String file : new String[] {stem + ".json", stem + ".json.gz"}) {
            if (Files.isRegularFile(version.resolve(file))) {
                return Optional.of(version.resolve(file));
            }
        }
        return Optional.empty();
    }

    private static JsonNode read(Path file) {
        try (InputStream raw = Files.newInputStream(file);
             InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}

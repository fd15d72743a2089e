package org.aigaq.platform.vocabulary;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The real HURIDOCS files the team keeps beside the repository (../shared/data/huridocs, as seen from /work/main or a
 * worktree), read by the tests; the product does not carry them.
 */
public final class HuridocsFiles {

    private static final List<Path> FOLDERS = List.of(Path.of("../shared/data/huridocs"), Path.of("/work/shared/data/huridocs"));

    private HuridocsFiles() {}

    public static Path thesaurus() {
        return find("huridocs-micro-thesauri.csv");
    }

    public static Path fields() {
        return find("huridocs-esf-fields.csv");
    }

    public static byte[] bytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path find(String name) {
        return FOLDERS.stream().map(folder -> folder.resolve(name)).filter(Files::isRegularFile).findFirst()
                .orElseThrow(() -> new IllegalStateException(name + " not found in " + FOLDERS.stream()
                        .map(folder -> folder.toAbsolutePath().normalize().toString()).toList()));
    }
}

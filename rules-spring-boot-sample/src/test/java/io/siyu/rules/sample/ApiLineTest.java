package io.siyu.rules.sample;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import io.siyu.rules.architecture.ApiLine;
import org.junit.jupiter.api.Test;

/** The sample uses only the packages that rules-core's module exports. */
class ApiLineTest {
    @Test
    void usesOnlyTheApiOfRulesCore() {
        ApiLine.onlyTheExportedApiOfRulesCore().check(new ClassFileImporter().importPackages("io.siyu.rules.sample"));
    }
}

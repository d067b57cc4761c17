package io.siyu.rules.spring;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import io.siyu.rules.architecture.ApiLine;
import org.junit.jupiter.api.Test;

/** The starter uses only the packages that rules-core's module exports (its main and its test code). */
class ApiLineTest {
    @Test
    void usesOnlyTheApiOfRulesCore() {
        ApiLine.onlyTheExportedApiOfRulesCore().check(new ClassFileImporter().importPackages("io.siyu.rules.spring"));
    }
}

package cn.duban.identity;

import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/units}: the unit catalog; {@code POST /api/units}: a new unit (supervision office, administrators). */
@RestController
class UnitController {

    private final UnitCatalog units;
    private final UnitRegistration registration;

    UnitController(UnitCatalog units, UnitRegistration registration) {
        this.units = units;
        this.registration = registration;
    }

    @GetMapping("/api/units")
    List<Unit> units() {
        return units.all();
    }

    @PostMapping("/api/units")
    ResponseEntity<Unit> register(@RequestBody NewUnit unit) {
        Unit registered = registration.register(unit.id(), unit.name(), unit.kind());
        return ResponseEntity.created(URI.create("/api/units/" + registered.id()))
                .body(registered);
    }

    /** What a new unit needs: a Chinese name; an id and a kind are optional. */
    record NewUnit(String id, String name, String kind) {}
}

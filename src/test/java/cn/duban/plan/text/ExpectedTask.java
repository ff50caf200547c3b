package cn.duban.plan.text;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/**
 * One line of a corpus plan's sidecar file: {@code 标题 | 牵头 | 配合 | 落实 | 时限 | 节点}, lists separated by 、.
 * The title is how the task begins: the parsed task matches when its title or its text starts with it.
 */
record ExpectedTask(
        String title,
        List<String> leads,
        List<String> supports,
        List<String> implementing,
        LocalDate deadline,
        List<LocalDate> milestones) {

    static List<ExpectedTask> read(Path sidecar) {
        try {
            return Files.readAllLines(sidecar, StandardCharsets.UTF_8).stream()
                    .filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .map(ExpectedTask::of)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ExpectedTask of(String line) {
        String[] cells = Arrays.copyOf(line.split("\\|", -1), 6);
        return new ExpectedTask(
                cell(cells[0]),
                list(cells[1]),
                list(cells[2]),
                list(cells[3]),
                cell(cells[4]).isEmpty() ? null : LocalDate.parse(cell(cells[4])),
                list(cells[5]).stream().map(LocalDate::parse).toList());
    }

    private static String cell(String cell) {
        return cell == null ? "" : cell.strip();
    }

    private static List<String> list(String cell) {
        String text = cell(cell);
        List<String> names = new java.util.ArrayList<>();
        for (String part : text.split("、")) {
            int last = names.size() - 1;
            if (last >= 0 && names.get(last).startsWith("各") && names.get(last).length() <= 3) {
                names.set(last, names.get(last) + "、" + part.strip());
            } else {
                names.add(part.strip());
            }
        }
        return text.isEmpty() ? List.of() : List.copyOf(names);
    }
}

package io.rollcheck.webui.site;

import com.vaadin.flow.component.datepicker.DatePicker;
import io.rollcheck.platform.i18n.Messages;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Date pickers that read like the rest of the page (2025年10月22日 in Chinese): month and day
 * names and the formats come from the UI bundle ({@code datePicker.*}, comma-separated lists).
 */
public final class DatePickers {

    private DatePickers() {
    }

    public static DatePicker.DatePickerI18n i18n(Locale locale) {
        List<String> formats = list(locale, "datePicker.formats");
        return new DatePicker.DatePickerI18n()
                .setDateFormats(formats.get(0), formats.subList(1, formats.size()).toArray(String[]::new))
                .setFirstDayOfWeek(1)
                .setMonthNames(list(locale, "datePicker.months"))
                .setWeekdays(list(locale, "datePicker.weekdays"))
                .setWeekdaysShort(list(locale, "datePicker.weekdaysShort"))
                .setToday(Messages.get(locale, "datePicker.today"))
                .setCancel(Messages.get(locale, "datePicker.cancel"));
    }

    private static List<String> list(Locale locale, String key) {
        return Arrays.stream(Messages.get(locale, key).split(",")).map(String::strip).toList();
    }
}

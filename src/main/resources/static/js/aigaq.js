// Ties the message of a field checked as the user types (htmx) to the field: aria-invalid follows whether there is a
// message, so that screen readers say the field is invalid and read the message the field is described by.
(function () {
    'use strict';

    function mark(message) {
        var invalid = message.textContent.trim() !== '';
        document.querySelectorAll('[aria-describedby]').forEach(function (field) {
            if (field.getAttribute('aria-describedby').split(/\s+/).indexOf(message.id) >= 0) {
                field.setAttribute('aria-invalid', invalid ? 'true' : 'false');
            }
        });
    }

    document.addEventListener('htmx:afterSwap', function (event) {
        var target = event.detail.target;
        if (target && target.classList && target.classList.contains('field-error')) {
            mark(target);
        }
    });

    document.addEventListener('DOMContentLoaded', function () {
        document.querySelectorAll('.field-error[id]').forEach(mark);
    });
}());

// The shadow report's block form: only the parameters the chosen kind of block takes are shown (without scripts, all
// are shown and the others are ignored).
(function () {
    'use strict';

    function show(kind) {
        document.querySelectorAll('.block-parameter[data-kinds]').forEach(function (field) {
            field.hidden = field.getAttribute('data-kinds').split(/\s+/).indexOf(kind.value) < 0;
        });
    }

    document.addEventListener('DOMContentLoaded', function () {
        var kind = document.getElementById('block-kind');
        if (kind) {
            show(kind);
            kind.addEventListener('change', function () { show(kind); });
        }
    });
}());

/* My Drive's keyboard and browser hooks: the × of an upload on its way cancels it on the server too,
   the Delete key deletes the selected files (after the confirmation). */
(function () {
    document.addEventListener('click', function (event) {
        var cancel = event.target.closest('.upload .ui-fileupload-row .ui-fileupload-cancel');
        if (!cancel) {
            return;
        }
        var name = cancel.closest('.ui-fileupload-row').querySelector('.ui-fileupload-filename');
        if (name && window.cancelUpload) {
            window.cancelUpload([{name: 'name', value: name.textContent}]);
        }
    }, true);
    document.addEventListener('keydown', function (event) {
        var target = event.target;
        if (event.key !== 'Delete' || target.closest('input:not([type=checkbox]):not([type=radio]), textarea, select, [contenteditable], .ui-dialog')) {
            return;
        }
        var button = document.getElementById('drive:deleteSelected');
        if (button && !button.disabled) {
            event.preventDefault();
            button.click();
        }
    });
})();

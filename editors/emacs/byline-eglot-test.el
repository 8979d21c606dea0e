;;; byline-eglot-test.el --- batch end-to-end test of byline under Emacs eglot  -*- lexical-binding: t -*-
;;
;;   BYLINE_BIN=target/release/byline BYLINE_FIXTURE=editors/fixtures/workspace \
;;   emacs --batch -Q -l editors/emacs/byline-eglot-test.el
;;
;; Uses the set-up from the README (eglot-server-programs for text-mode and markdown-mode) plus a
;; project root at byline.toml, opens the example article, waits for Flymake diagnostics from eglot,
;; and asks the server for hover and references. Prints "ok"/"not ok" per check and
;; "emacs eglot: N passed, M failed"; exits 1 on any failure.

(require 'package)
;; Debian's elpa-eglot / elpa-markdown-mode (emacs -Q skips the site start-up that adds this folder).
(dolist (dir '("/usr/share/emacs/site-lisp/elpa" "/usr/share/emacs/site-lisp/elpa-src"))
  (when (file-directory-p dir) (add-to-list 'package-directory-list dir)))
(package-initialize)
(require 'eglot)
(require 'markdown-mode nil t)
(require 'cl-lib)

(defvar byline-test-passed 0)
(defvar byline-test-failed 0)
(defvar byline-test-label (format "emacs %s eglot %s" emacs-version
                                  (or (ignore-errors (package-version-join (package-desc-version (cadr (assq 'eglot package-alist))))) "")))

(defun byline-test-say (fmt &rest args)
  (princ (concat (apply #'format fmt args) "\n")))

(defmacro byline-check (name &rest body)
  (declare (indent 1))
  `(condition-case err
       (progn ,@body
              (cl-incf byline-test-passed)
              (byline-test-say "ok - emacs: %s" ,name))
     (error (cl-incf byline-test-failed)
            (byline-test-say "not ok - emacs: %s\n    %s" ,name (error-message-string err)))))

(defun byline-test-wait (pred seconds)
  "Process events until PRED returns non-nil or SECONDS pass; return PRED's value."
  (let ((deadline (+ (float-time) seconds)) value)
    (while (and (not (setq value (funcall pred))) (< (float-time) deadline))
      (accept-process-output nil 0.05))
    value))

;; The README's set-up.
(let ((bin (or (getenv "BYLINE_BIN") "byline")))
  (add-to-list 'eglot-server-programs `((text-mode markdown-mode) . (,bin "lsp"))))
;; A project is the nearest folder with byline.toml (else project.el's usual .git).
(defun byline-project-find (dir)
  (let ((root (locate-dominating-file dir "byline.toml")))
    (and root (cons 'transient root))))
(add-hook 'project-find-functions #'byline-project-find)

(defvar byline-fixture (file-name-as-directory (expand-file-name (or (getenv "BYLINE_FIXTURE") "editors/fixtures/workspace"))))
(defvar byline-article (expand-file-name "harbour-closure.md" byline-fixture))

(find-file byline-article)
(unless (derived-mode-p 'markdown-mode) (text-mode))
(setq eglot-sync-connect 10)
(apply #'eglot (eglot--guess-contact))
(defvar byline-server (eglot-current-server))

(defun byline-test-point-of (needle &optional sub)
  (save-excursion
    (goto-char (point-min))
    (search-forward needle)
    (goto-char (match-beginning 0))
    (when sub (search-forward sub) (goto-char (match-beginning 0)))
    (point)))

(defun byline-test-position-params (pos)
  (save-excursion (goto-char pos) (eglot--TextDocumentPositionParams)))

(byline-check "eglot connects to byline lsp, rooted at byline.toml"
  (unless byline-server (error "no server"))
  (let ((root (expand-file-name (project-root (eglot--project byline-server)))))
    (unless (equal (file-name-as-directory root) byline-fixture)
      (error "project root %s" root))))

(byline-check "Flymake shows byline [unattributed-claim] on the unsourced figure"
  (let* ((line (line-number-at-pos (byline-test-point-of "Repairs will cost")))
         (hit (byline-test-wait
               (lambda ()
                 (cl-find-if (lambda (d)
                               (and (string-match-p "^byline \\[unattributed-claim\\]: "
                                                    (flymake-diagnostic-text d))
                                    (= (line-number-at-pos (flymake-diagnostic-beg d)) line)))
                             (flymake-diagnostics)))
               30)))
    (unless hit
      (error "diagnostics: %S" (mapcar #'flymake-diagnostic-text (flymake-diagnostics))))))

(byline-check "hover on \"Okafor\" has the full name and the role"
  (let* ((result (jsonrpc-request byline-server :textDocument/hover
                                  (byline-test-position-params (byline-test-point-of "Ms Okafor" "Okafor"))))
         (contents (plist-get result :contents))
         (text (cond ((stringp contents) contents)
                     ((plist-get contents :value))
                     (t (format "%S" contents)))))
    (unless (string-match-p "Helena Okafor" text) (error "hover: %s" text))
    (unless (string-match-p "port director" (downcase text)) (error "hover lacks the role: %s" text))))

(byline-check "references: four mentions in two files"
  (let* ((params (append (byline-test-position-params (byline-test-point-of "Ms Okafor" "Okafor"))
                         '(:context (:includeDeclaration t))))
         (locs (append (jsonrpc-request byline-server :textDocument/references params) nil))
         (files (delete-dups (mapcar (lambda (l) (file-name-nondirectory (eglot--uri-to-path (plist-get l :uri)))) locs))))
    (unless (= (length locs) 4) (error "%d locations: %S" (length locs) locs))
    (unless (equal (sort files #'string<) '("ferry-fares.txt" "harbour-closure.md")) (error "files: %S" files))))

(ignore-errors (eglot-shutdown byline-server))
(byline-test-say "%s: %d passed, %d failed" byline-test-label byline-test-passed byline-test-failed)
(kill-emacs (if (> byline-test-failed 0) 1 0))

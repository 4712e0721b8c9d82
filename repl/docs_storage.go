package repl

// etsTable and detsTable start the examples of :ets and :dets: a table
// in memory, owned by the shell process, and one in a file, which
// outlives every process and a restart.
const (
	etsTable  = "t = :ets.new(:scores, [:set, :public]); :ets.insert(t, [{:ada, 3}, {:alan, 5}]); "
	detsTable = "{:ok, t} = :dets.open_file(:notes, file: ~c\"notes.dets\"); :dets.insert(t, [{:ada, 3}, {:alan, 5}]); "
)

// storageDocs documents where data lives: :ets tables (memory, owned by
// a process), :dets tables (files), File, System and the machine's
// restart.
var storageDocs = map[string]funcDoc{
	":ets.new/2":                {"Creates a table owned by the caller (it dies with its owner); options: :set, :bag, :named_table, :public...", "t = :ets.new(:scores, [:set, :public])"},
	":ets.insert/2":             {"Inserts a tuple (or list of tuples), keyed by their first element; a set replaces an existing key.", "t = :ets.new(:scores, [:set]); :ets.insert(t, {:ada, 3})"},
	":ets.insert_new/2":         {"Inserts only if no key is already there; returns false otherwise.", etsTable + ":ets.insert_new(t, {:ada, 9})"},
	":ets.lookup/2":             {"Returns the list of objects with a key ([] if none).", etsTable + ":ets.lookup(t, :ada)"},
	":ets.lookup_element/3":     {"Returns the element at a one-based position of the object with a key; raises if there is none.", etsTable + ":ets.lookup_element(t, :ada, 2)"},
	":ets.member/2":             {"Tells whether the table has a key.", etsTable + ":ets.member(t, :ada)"},
	":ets.delete/1":             {"Deletes the whole table.", etsTable + ":ets.delete(t)"},
	":ets.delete/2":             {"Deletes the objects with a key.", etsTable + ":ets.delete(t, :ada)"},
	":ets.delete_object/2":      {"Deletes one exact object.", etsTable + ":ets.delete_object(t, {:ada, 3})"},
	":ets.delete_all_objects/1": {"Empties the table; the table stays.", etsTable + ":ets.delete_all_objects(t)"},
	":ets.tab2list/1":           {"Returns every object of the table as a list.", etsTable + ":ets.tab2list(t)"},
	":ets.update_counter/3":     {"Adds to an integer element of an object at once (no read-then-write race); returns the new value.", etsTable + ":ets.update_counter(t, :ada, {2, 1})"},
	":ets.update_counter/4":     {"Like update_counter/3, inserting a default object first if the key is missing.", etsTable + ":ets.update_counter(t, :grace, {2, 1}, {:grace, 0})"},
	":ets.info/1":               {"Returns a table's properties: size, type, owner, protection...", etsTable + ":ets.info(t)"},
	":ets.info/2":               {"Returns one property of a table, e.g. :size.", etsTable + ":ets.info(t, :size)"},
	":ets.first/1":              {"Returns the first key in the table's order, or :\"$end_of_table\".", etsTable + ":ets.first(t)"},
	":ets.last/1":               {"Returns the last key (the first, for a table that is not ordered).", etsTable + ":ets.last(t)"},
	":ets.next/2":               {"Returns the key after a key, or :\"$end_of_table\".", etsTable + ":ets.next(t, :ets.first(t))"},
	":ets.prev/2":               {"Returns the key before a key (like next/2, for a table that is not ordered).", etsTable + ":ets.prev(t, :ets.first(t))"},

	":dets.open_file/2":          {"Opens (or creates) a table stored in a file (file: a charlist; type: :set, :bag...); returns {:ok, name}.", ":dets.open_file(:notes, file: ~c\"notes.dets\")"},
	":dets.close/1":              {"Closes a table; its data stays in the file.", detsTable + ":dets.close(t)"},
	":dets.sync/1":               {"Makes sure every change is on disk (in goiex each write already is when it returns).", detsTable + ":dets.sync(t)"},
	":dets.insert/2":             {"Writes a tuple (or list of tuples, in one transaction) to the file; :ok once it is on disk.", detsTable + ":dets.insert(t, {:grace, 7})"},
	":dets.insert_new/2":         {"Writes only if no key is already there; returns false otherwise.", detsTable + ":dets.insert_new(t, {:ada, 9})"},
	":dets.lookup/2":             {"Returns the list of objects with a key ([] if none).", detsTable + ":dets.lookup(t, :ada)"},
	":dets.member/2":             {"Tells whether the table has a key.", detsTable + ":dets.member(t, :ada)"},
	":dets.delete/2":             {"Deletes the objects with a key.", detsTable + ":dets.delete(t, :ada)"},
	":dets.delete_object/2":      {"Deletes one exact object.", detsTable + ":dets.delete_object(t, {:ada, 3})"},
	":dets.delete_all_objects/1": {"Empties the table; the file stays.", detsTable + ":dets.delete_all_objects(t)"},
	":dets.update_counter/3":     {"Adds to an integer element of an object on disk; returns the new value.", detsTable + ":dets.update_counter(t, :ada, {2, 1})"},
	":dets.first/1":              {"Returns some first key, or :\"$end_of_table\" (the order is the file's).", detsTable + ":dets.first(t)"},
	":dets.next/2":               {"Returns the key after a key, or :\"$end_of_table\".", detsTable + ":dets.next(t, :dets.first(t))"},
	":dets.foldl/3":              {"Folds a function over every object: fn object, acc -> acc end.", detsTable + ":dets.foldl(fn {_k, v}, acc -> v + acc end, 0, t)"},
	":dets.foldr/3":              {"Like foldl/3 (a dets table has no order to reverse).", detsTable + ":dets.foldr(fn {k, _v}, acc -> [k | acc] end, [], t)"},
	":dets.traverse/2":           {"Calls a function on each object; it returns :continue, {:continue, value} to collect, or {:done, value}.", detsTable + ":dets.traverse(t, fn {k, _} -> {:continue, k} end)"},
	":dets.match/2":              {"Returns, for each object matching a pattern, the values of its :\"$1\", :\"$2\"... variables.", detsTable + ":dets.match(t, {:\"$1\", 3})"},
	":dets.match_object/2":       {"Returns the objects matching a pattern (:_ matches anything).", detsTable + ":dets.match_object(t, {:_, 5})"},
	":dets.match_delete/2":       {"Deletes the objects matching a pattern.", detsTable + ":dets.match_delete(t, {:_, 3})"},
	":dets.select/2":             {"Returns what a match specification selects: [{pattern, guards, [result]}].", detsTable + ":dets.select(t, [{{:\"$1\", :\"$2\"}, [{:>, :\"$2\", 4}], [:\"$1\"]}])"},
	":dets.select_delete/2":      {"Deletes the objects a match specification selects (its result must be true); returns how many.", detsTable + ":dets.select_delete(t, [{{:_, :\"$1\"}, [{:<, :\"$1\", 4}], [true]}])"},
	":dets.info/1":               {"Returns a table's properties: file name, size, type...", detsTable + ":dets.info(t)"},
	":dets.info/2":               {"Returns one property of a table, e.g. :size or :filename.", detsTable + ":dets.info(t, :size)"},
	":dets.all/0":                {"Returns the names of every open dets table.", detsTable + ":dets.all()"},

	"File.write/2":    {"Writes a string to a file, replacing it; returns :ok or {:error, reason}.", `File.write("notes.txt", "hello\n")`},
	"File.write/3":    {"Like write/2 with modes, e.g. [:append] to add at the end.", `File.write("notes.txt", "more\n", [:append])`},
	"File.write!/2":   {"Like write/2, raising a File.Error instead of returning an error.", `File.write!("notes.txt", "hello\n")`},
	"File.write!/3":   {"Like write/3, raising instead of returning an error.", `File.write!("notes.txt", "more\n", [:append])`},
	"File.read/1":     {"Reads a whole file: {:ok, contents} or {:error, reason} (:enoent when it does not exist).", `File.read("missing.txt")`},
	"File.read!/1":    {"Reads a whole file, raising a File.Error if it cannot.", `File.write!("notes.txt", "hi"); File.read!("notes.txt")`},
	"File.exists?/1":  {"Tells whether a file or directory exists.", `File.exists?("notes.txt")`},
	"File.rm/1":       {"Deletes a file: :ok or {:error, reason}.", `File.write!("old.txt", ""); File.rm("old.txt")`},
	"File.rm!/1":      {"Deletes a file, raising if it cannot.", `File.write!("old.txt", ""); File.rm!("old.txt")`},
	"File.ls/1":       {"Lists a directory's entries: {:ok, names} or {:error, reason}.", `File.ls(".")`},
	"File.ls!/1":      {"Lists a directory's entries, raising if it cannot.", `File.ls!(".")`},
	"File.mkdir_p/1":  {"Creates a directory and any missing parents: :ok or {:error, reason}.", `File.mkdir_p("data/2024")`},
	"File.mkdir_p!/1": {"Like mkdir_p/1, raising if it cannot.", `File.mkdir_p!("data/2024")`},

	"System.monotonic_time/0":    {"Returns a time that only moves forward, in native units: subtract two to measure an interval.", "System.monotonic_time()"},
	"System.monotonic_time/1":    {"Returns monotonic time in a unit (:second, :millisecond, :microsecond, :nanosecond).", "System.monotonic_time(:millisecond)"},
	"System.system_time/0":       {"Returns the time since the Unix epoch in native units (virtual under --clock=virtual).", "System.system_time()"},
	"System.system_time/1":       {"Returns the time since the Unix epoch in a unit.", "System.system_time(:second)"},
	"System.os_time/0":           {"Returns the operating system's clock, in native units.", "System.os_time()"},
	"System.os_time/1":           {"Returns the operating system's clock in a unit.", "System.os_time(:second)"},
	"System.convert_time_unit/3": {"Converts a time from one unit to another.", "System.convert_time_unit(1_500, :millisecond, :second)"},
	"System.halt/0":              {"Stops the machine and leaves goiex (exit status 0).", "System.halt()"},
	"System.halt/1":              {"Stops the machine and leaves goiex with the given exit status.", "System.halt(0)"},
	"System.restart/0":           {"Restarts the machine: every process stops and every mailbox is lost; files on disk remain.", "System.restart()"},
	":init.restart/0":            {"Restarts the machine, as System.restart/0: processes and mailboxes are gone, files remain.", ":init.restart()"},
}

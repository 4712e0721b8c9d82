IO.puts "hello"

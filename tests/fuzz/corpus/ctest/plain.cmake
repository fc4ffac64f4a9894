# CMake generated Testfile for 
# Source directory: /src/proj
# Build directory: /src/proj/build
# 
# This file includes the relevant testing commands required for 
# testing this directory and lists subdirectories to be tested as well.
add_test(xmltest "/src/proj/build/xmltest")
set_tests_properties(xmltest PROPERTIES  PASS_REGULAR_EXPRESSION ", Fail 0" WORKING_DIRECTORY "/src/proj" _BACKTRACE_TRIPLES "/src/proj/CMakeLists.txt;49;add_test;/src/proj/CMakeLists.txt;0;")

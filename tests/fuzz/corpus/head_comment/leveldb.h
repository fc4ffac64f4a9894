// Copyright 2011 The LevelDB Authors.
//
// A Cache maps keys to values. It has internal
// synchronization.
#ifndef X
